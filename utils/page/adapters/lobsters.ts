/** Lobsters story pages: the story link, its tags, text and comments. */
import { clean, first, httpUrl, textOf } from '../dom';
import { MAX_LEAD_CHARS, MAX_TITLE_CHARS } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';
import { isLobstersStoryAddress } from './addresses';

const MAX_COMMENTS = 10;
/** Lobsters tags are lower-case; the classifier reads acronyms in capitals. */
const TAG_NAMES: Record<string, string> = { ai: 'AI', ml: 'ML', vibecoding: 'vibe coding' };

function read({ doc, url, budget }: AdapterContext): AdapterReading | null {
  const story = first(doc, ['.story', 'li.story', 'div.story']);
  const link = story ? first(story, ['a.u-url', '.link a']) : null;
  if (!story || !link) return null;
  const href = httpUrl(link.getAttribute('href'), url.href);
  const tags: string[] = [];
  const tagEls = story.querySelectorAll('a.tag');
  for (let i = 0; i < tagEls.length && i < 10; i++) {
    const t = clean(tagEls[i]!.textContent, 30);
    if (t) tags.push(TAG_NAMES[t] ?? t);
  }
  const parts = [textOf(doc.querySelector('.story_text'), MAX_LEAD_CHARS, budget)];
  const comments = doc.querySelectorAll('.comment_text');
  for (let i = 0; i < comments.length && i < MAX_COMMENTS; i++)
    parts.push(textOf(comments[i], 600, budget));
  const id = /^\/s\/([a-z0-9]+)/.exec(url.pathname)?.[1];
  return {
    kind: 'lobsters',
    title: clean(textOf(link, MAX_TITLE_CHARS, budget), MAX_TITLE_CHARS),
    description: tags.length ? `Tags: ${tags.join(', ')}` : '',
    lead: clean(parts.filter(Boolean).join('\n'), MAX_LEAD_CHARS),
    discussedUrl: href && !/^https?:\/\/lobste\.rs\//.test(href) ? href : null,
    canonicalUrl: id ? `https://lobste.rs/s/${id}` : null,
    siteName: 'Lobsters',
  };
}

export const lobstersAdapter: SiteAdapter = {
  name: 'lobsters',
  matches: isLobstersStoryAddress,
  read,
};
