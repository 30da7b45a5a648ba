/**
 * The sidebar's state and its host in the page. Signals hold the state, so a
 * settings change (a community switched off in the options page) re-renders
 * the open panel at once, with no reload. Controls that change settings go
 * through the background, which owns them.
 */
import { batch, computed, signal } from '@preact/signals';
import { render } from 'preact';
import { Sidebar } from '@/components/Sidebar';
import storyCss from '@/components/story.css?inline';
import themeCss from '@/components/theme.css?inline';
import { t } from '@/utils/i18n';
import { askBackground, type PageSettings, type StoryBundle } from '@/utils/messaging';
import type { SidebarUi, StoryMatchResult } from '@/utils/sidebar-contract';
import sidebarCss from './sidebar.css?inline';
import { mountHost, prepareStyles, type Mounted } from './mount';

const PANEL_WIDTH_PX = 400;
const CSS = `${themeCss}\n${storyCss}\n${sidebarCss}`;

export function createSidebarUi(): SidebarUi {
  const settings = signal<PageSettings | null>(null);
  const match = signal<StoryMatchResult | null>(null);
  /** A related story the reader opened from the panel, shown instead of the match. */
  const viewing = signal<StoryBundle | null>(null);
  const open = signal(false);
  const announcement = signal('');
  const disabled = computed(() => new Set(settings.value?.disabledCommunities ?? []));
  let pageUrl = location.href;
  let mounted: Mounted | null = null;
  let restoreMargin: string | null = null;

  function applyDock(): void {
    // Docking is the one case where we touch the page: the reader asked for it.
    const docked = open.value && Boolean(settings.value?.panelDocked) && mounted !== null;
    const rootStyle = document.documentElement.style;
    if (docked && restoreMargin === null) {
      restoreMargin = rootStyle.marginRight;
      rootStyle.marginRight = `${PANEL_WIDTH_PX}px`;
    } else if (!docked && restoreMargin !== null) {
      rootStyle.marginRight = restoreMargin;
      restoreMargin = null;
    }
  }

  function setOpen(value: boolean): void {
    open.value = value;
    applyDock();
  }

  function hide(): void {
    setOpen(false);
    match.value = null;
    viewing.value = null;
    if (mounted) {
      render(null, mounted.container);
      mounted.remove();
      mounted = null;
    }
  }

  function update(next: PageSettings): void {
    settings.value = next;
    if (!next.allowed) hide();
    applyDock();
  }

  function control(request: Promise<PageSettings>): void {
    request.then(update, (error: unknown) => console.debug('Crosstalk:', error));
  }

  function App() {
    const current = match.value;
    const s = settings.value;
    if (!current || !s) return null;
    const bundle = viewing.value ?? current;
    return (
      <>
        <div role="status" aria-live="polite" class="ct-visually-hidden">
          {announcement.value}
        </div>
        <Sidebar
          bundle={bundle}
          confidence={current.confidence}
          matchedTitle={viewing.value ? current.story.title : null}
          open={open.value}
          docked={s.panelDocked}
          disabled={disabled.value}
          onOpen={() => setOpen(true)}
          onClose={() => setOpen(false)}
          onToggleDock={() =>
            control(askBackground('setPanelDocked', { url: pageUrl, docked: !s.panelDocked }))
          }
          onReject={() => {
            const storyId = current.story.id;
            hide();
            control(askBackground('rejectStory', { url: pageUrl, storyId }));
          }}
          onHideSite={() => {
            hide();
            control(askBackground('hideOnSite', { url: pageUrl }));
          }}
          onOpenRelated={(id) => {
            askBackground('getStory', { id }).then(
              (b) => {
                if (b) viewing.value = b;
              },
              (error: unknown) => console.debug('Crosstalk:', error),
            );
          }}
          onBack={() => {
            viewing.value = null;
          }}
        />
      </>
    );
  }

  function show(next: StoryMatchResult, nextSettings: PageSettings, url: string): void {
    pageUrl = url;
    const changed = match.value?.story.id !== next.story.id;
    // All of the new state first, so the first render is the final one (not the tab, then the
    // panel a render later) and an open panel re-renders once.
    batch(() => {
      settings.value = nextSettings;
      match.value = next;
      if (changed) viewing.value = null;
      if (nextSettings.sidebarMode === 'open') open.value = true;
    });
    if (!mounted) {
      const made = mountHost(CSS);
      if (!made) return;
      render(<App />, made.container);
      made.attach();
      mounted = made;
    }
    applyDock();
    if (changed) {
      const talking = next.story.reactions.filter((r) => !disabled.value.has(r.community)).length;
      // Set after mounting so assistive technology hears the change.
      setTimeout(() => {
        announcement.value = t('storyFoundAnnouncement', [next.story.title, talking]);
      }, 100);
    }
  }

  // sidebar.js is injected alongside the background's answer and often runs before it arrives:
  // the costs that do not depend on the story are paid now rather than between answer and paint
  // (the stylesheet's parse, and the first browser.i18n call, which loads the message catalogue).
  prepareStyles(CSS);
  t('panelHeading');

  return {
    show,
    update,
    hide,
    toggle: () => {
      if (mounted) setOpen(!open.value);
      return open.value;
    },
  };
}
