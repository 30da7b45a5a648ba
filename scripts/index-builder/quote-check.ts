/**
 * Checks quotes against their source posts: a quote must appear, whole, in
 * the text of the post its URL points to (whitespace runs compared as one
 * space, the only liberty the builder takes; see sentences.ts).
 */
import type { StoryIndex } from '../../utils/index/schema';
import { normalizeSpace } from './text';
import type { Post } from './types';

export interface QuoteCheck {
  checked: number;
  /** Quotes whose source post is not in the given posts. */
  unknownSource: number;
  failures: { story: string; url: string; text: string }[];
}

/** Every text each URL is known by (a post can come from several files). */
export function textsByUrl(posts: Iterable<Post>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of posts) {
    const list = out.get(p.url) ?? [];
    list.push(normalizeSpace(p.text));
    out.set(p.url, list);
  }
  return out;
}

export function checkQuotes(index: StoryIndex, texts: ReadonlyMap<string, string[]>): QuoteCheck {
  const result: QuoteCheck = { checked: 0, unknownSource: 0, failures: [] };
  for (const story of index.stories) {
    for (const r of story.reactions) {
      for (const q of r.quotes) {
        const sources = texts.get(q.url);
        if (!sources) {
          result.unknownSource++;
          continue;
        }
        result.checked++;
        const quote = normalizeSpace(q.text);
        if (quote !== q.text || !sources.some((t) => t.includes(quote))) {
          result.failures.push({ story: story.id, url: q.url, text: q.text });
        }
      }
    }
  }
  return result;
}
