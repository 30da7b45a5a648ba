import type { Community, Reaction } from '@/utils/index/schema';
import { t } from '@/utils/i18n';
import { formatCount, formatDay } from '@/utils/story/format';
import { PlatformMark } from './PlatformMark';
import { SafeLink } from './SafeLink';
import { SentimentBar } from './SentimentBar';
import { Sparkline } from './Sparkline';

/** One community's reaction: volume, mood, what it argues, its best quote and threads. */
export function CommunityRow({
  community,
  reaction,
}: {
  community: Community;
  reaction: Reaction;
}) {
  const quote = [...reaction.quotes].sort((a, b) => b.score - a.score)[0];
  const threads = [...reaction.threads].sort((a, b) => b.score - a.score).slice(0, 3);
  const started = reaction.timeline.length
    ? [...reaction.timeline].sort((a, b) => (a.day < b.day ? -1 : 1))[0]!.day
    : null;
  return (
    <li class="ct-row" data-testid="ct-community-row" data-community={community.id}>
      <div class="ct-row-head">
        <PlatformMark platform={community.platform} />
        <h3 class="ct-row-name">
          <SafeLink href={community.homepage}>{community.name}</SafeLink>
        </h3>
        <span class="ct-row-volume">
          {t('postsCount', formatCount(reaction.posts))} ·{' '}
          {t('engagementCount', formatCount(reaction.engagement))}
        </span>
      </div>
      <div class="ct-row-figures">
        <SentimentBar sentiment={reaction.sentiment} />
        <Sparkline timeline={reaction.timeline} />
      </div>
      {started && <p class="ct-row-started">{t('startedTalking', formatDay(started))}</p>}
      {reaction.summary && (
        <p class="ct-row-summary" dir="auto">
          {reaction.summary}
        </p>
      )}
      {quote && (
        <blockquote class="ct-quote" data-testid="ct-quote">
          <p dir="auto">{quote.text}</p>
          <SafeLink href={quote.url} class="ct-quote-link">
            {t('quoteSource', [community.name, formatDay(quote.postedAt)])}
          </SafeLink>
        </blockquote>
      )}
      {threads.length > 0 && (
        <ul class="ct-threads" aria-label={t('topThreads', community.name)}>
          {threads.map((thread) => (
            <li key={thread.url}>
              <SafeLink href={thread.url}>
                <span dir="auto">{thread.title}</span>
              </SafeLink>{' '}
              <span class="ct-thread-figures">
                {t('threadFigures', [formatCount(thread.score), formatCount(thread.comments)])}
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
