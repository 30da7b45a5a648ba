import type { Confidence, StoryBundle } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { StoryView } from './StoryView';

export interface SidebarProps {
  bundle: StoryBundle;
  confidence: Confidence;
  /** The story the page matched, when the reader opened a related one instead. */
  matchedTitle: string | null;
  open: boolean;
  docked: boolean;
  disabled: ReadonlySet<string>;
  onOpen: () => void;
  onClose: () => void;
  onToggleDock: () => void;
  onReject: () => void;
  onHideSite: () => void;
  onOpenRelated: (id: string) => void;
  onBack: () => void;
}

/**
 * The content-script UI: a small tab at the page's edge that says how many
 * communities are talking, and the panel it opens; Esc closes. Focus moves into
 * the panel (#ct-panel-heading) when it opens and back to the tab when it
 * closes: the controller does that once the host is in the page, before the
 * first paint, rather than an effect a frame later.
 */
export function Sidebar(props: SidebarProps) {
  const { bundle, open, disabled } = props;
  const talking = bundle.story.reactions.filter((r) => !disabled.has(r.community)).length;

  if (!open) {
    return (
      <button
        type="button"
        class="ct-tab"
        data-testid="ct-tab"
        aria-expanded="false"
        aria-controls="ct-panel"
        onClick={props.onOpen}
        title={t('tabTitle', bundle.story.title)}
      >
        <span class="ct-tab-logo" aria-hidden="true">
          ⁂
        </span>
        <span class="ct-tab-count">{t('tabCommunities', talking)}</span>
      </button>
    );
  }

  return (
    <aside
      id="ct-panel"
      class={`ct-panel ${props.docked ? 'ct-docked' : 'ct-floating'}`}
      data-testid="ct-panel"
      aria-labelledby="ct-panel-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div class="ct-toolbar">
        <h1 id="ct-panel-heading" class="ct-brand" tabIndex={-1}>
          {t('panelHeading')}
        </h1>
        <button
          type="button"
          class="ct-tool"
          onClick={props.onToggleDock}
          aria-pressed={props.docked}
        >
          {props.docked ? t('float') : t('dock')}
        </button>
        <button
          type="button"
          class="ct-tool ct-close"
          onClick={props.onClose}
          aria-label={t('close')}
        >
          ×
        </button>
      </div>
      {props.matchedTitle && (
        <button type="button" class="ct-link-button ct-back" onClick={props.onBack}>
          ← {t('backToMatched', props.matchedTitle)}
        </button>
      )}
      <div class="ct-scroll">
        <StoryView
          bundle={bundle}
          confidence={props.matchedTitle ? undefined : props.confidence}
          disabled={disabled}
          onOpenRelated={props.onOpenRelated}
          titleId="ct-story-heading"
        />
      </div>
      <div class="ct-footer">
        <button type="button" class="ct-tool" data-testid="ct-not-this" onClick={props.onReject}>
          {t('notThisStory')}
        </button>
        <button type="button" class="ct-tool" data-testid="ct-hide-site" onClick={props.onHideSite}>
          {t('hideOnSite')}
        </button>
      </div>
    </aside>
  );
}
