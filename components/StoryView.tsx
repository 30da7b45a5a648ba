import type { Confidence, StoryBundle } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { computeConsensus, type Stance } from '@/utils/story/consensus';
import { daySpan, formatDay } from '@/utils/story/format';
import { CommunityRow } from './CommunityRow';

export interface StoryViewProps {
  bundle: StoryBundle;
  /** How sure the match is; absent when the story was chosen by hand (popup). */
  confidence?: Confidence;
  /** Communities the reader turned off are left out, and not called silent. */
  disabled: ReadonlySet<string>;
  onOpenRelated?: (id: string) => void;
  titleId?: string;
}

const STANCE_KEYS: Record<Stance, string> = {
  enthusiastic: 'stanceEnthusiastic',
  positive: 'stancePositive',
  divided: 'stanceDivided',
  critical: 'stanceCritical',
  neutral: 'stanceNeutral',
};

/** The whole "who says what" for one story: shared by the sidebar and the popup. */
export function StoryView({
  bundle,
  confidence,
  disabled,
  onOpenRelated,
  titleId,
}: StoryViewProps) {
  const { story, communities } = bundle;
  const enabled = (id: string) => !disabled.has(id);
  const byId = new Map(communities.map((c) => [c.id, c]));
  const rows = story.reactions
    .filter((r) => enabled(r.community) && byId.has(r.community))
    .sort((a, b) => b.posts - a.posts || b.engagement - a.engagement);
  const consensus = computeConsensus(story.reactions, communities, enabled);
  const threadCount = rows.reduce((n, r) => n + r.threads.length, 0);
  const days = daySpan(story.firstSeen, story.lastSeen);
  return (
    <article class="ct-story" aria-labelledby={titleId}>
      <header class="ct-story-head">
        <h2 id={titleId} class="ct-story-title" data-testid="ct-story-title" dir="auto">
          {story.title}
        </h2>
        {confidence && (
          <p class={`ct-confidence ct-confidence-${confidence}`} data-testid="ct-confidence">
            {confidence === 'linked' ? t('confidenceLinked', threadCount) : t('confidenceLikely')}
          </p>
        )}
        {story.summary && (
          <p class="ct-story-summary" dir="auto">
            {story.summary}
          </p>
        )}
        <p class="ct-story-span">
          {t('discussedSpan', [days, formatDay(story.firstSeen), formatDay(story.lastSeen)])}
        </p>
      </header>

      {consensus.stances.length > 0 && (
        <section class="ct-consensus" aria-label={t('consensusHeading')}>
          <p>
            {consensus.stances.map((s) => t(STANCE_KEYS[s.stance], s.community.name)).join('; ')}
            {'. '}
            {consensus.verdict === 'agree' && t('verdictAgree')}
            {consensus.verdict === 'split' && t('verdictSplit')}
            {consensus.verdict === 'mixed' && t('verdictMixed')}
          </p>
        </section>
      )}

      {rows.length > 0 ? (
        <ul class="ct-rows" aria-label={t('communitiesHeading')}>
          {rows.map((reaction) => (
            <CommunityRow
              key={reaction.community}
              community={byId.get(reaction.community)!}
              reaction={reaction}
            />
          ))}
        </ul>
      ) : (
        <p class="ct-empty">{t('allCommunitiesOff')}</p>
      )}

      {consensus.silent.length > 0 && (
        <p class="ct-silent" data-testid="ct-silent">
          {t('silentCommunities', consensus.silent.map((c) => c.name).join(', '))}
        </p>
      )}

      {bundle.related.length > 0 && (
        <section class="ct-related">
          <h3>{t('relatedHeading')}</h3>
          <ul>
            {bundle.related.map((r) => (
              <li key={r.id}>
                {onOpenRelated ? (
                  <button
                    type="button"
                    class="ct-link-button"
                    onClick={() => onOpenRelated(r.id)}
                    dir="auto"
                  >
                    {r.title}
                  </button>
                ) : (
                  <span dir="auto">{r.title}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
