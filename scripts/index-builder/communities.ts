/**
 * The communities an index declares: only those that have a reaction in it.
 * Reddit has one community per subreddit; every other platform is one
 * community (arXiv's cs.AI, cs.CL and cs.CV listings included; see adapters/arxiv.ts).
 */
import type { Community } from '../../utils/index/schema';

const FIXED: Record<string, Community> = {
  hackernews: {
    id: 'hackernews',
    name: 'Hacker News',
    platform: 'hackernews',
    homepage: 'https://news.ycombinator.com/',
  },
  arxiv: {
    id: 'arxiv',
    name: 'arXiv cs.AI/CL/CV',
    platform: 'arxiv',
    homepage: 'https://arxiv.org/list/cs.AI/recent',
  },
  x: { id: 'x', name: 'X', platform: 'x', homepage: 'https://x.com/' },
  bluesky: { id: 'bluesky', name: 'Bluesky', platform: 'bluesky', homepage: 'https://bsky.app/' },
  mastodon: {
    id: 'mastodon',
    name: 'Mastodon',
    platform: 'mastodon',
    homepage: 'https://joinmastodon.org/',
  },
  press: {
    id: 'press',
    name: 'The press and AI labs',
    platform: 'press',
    homepage: 'https://github.com/0xSMW/rss-feeds',
  },
};

/** Subreddit names as Reddit spells them, for display; others fall back to the id. */
const SUBREDDIT_NAMES: Record<string, string> = { 'r-localllama': 'LocalLLaMA' };

export function communityFor(id: string): Community {
  const fixed = FIXED[id];
  if (fixed) return fixed;
  if (id.startsWith('r-')) {
    const sub = SUBREDDIT_NAMES[id] ?? id.slice(2);
    return {
      id,
      name: `r/${sub}`,
      platform: 'reddit',
      homepage: `https://www.reddit.com/r/${sub}/`,
    };
  }
  throw new Error(`no declaration for community '${id}': add it to communities.ts`);
}

/** Display order: the platforms a reader meets most first, then by id. */
const ORDER = ['r-localllama', 'hackernews', 'x', 'bluesky', 'mastodon', 'arxiv', 'press'];

export function communityRank(id: string): number {
  const i = ORDER.indexOf(id);
  return i === -1 ? ORDER.length : i;
}
