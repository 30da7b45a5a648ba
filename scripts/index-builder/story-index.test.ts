/**
 * The bundled default index (public/story-index.json), checked without the
 * corpus: it validates, fits the budget, holds the stories the end-to-end
 * tests need, and every quote whose source post is in the committed fixtures
 * is found, whole, in that post. (`npm run check:index -- --corpus …` checks
 * all of them against the corpus.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateStoryIndex } from '../../utils/index/validate';
import { FIXTURES } from './fixtures';
import { checkQuotes, textsByUrl } from './quote-check';
import { readSources } from './run';

const path = fileURLToPath(new URL('../../public/story-index.json', import.meta.url));
const raw = readFileSync(path, 'utf8');
const result = validateStoryIndex(JSON.parse(raw));

describe('public/story-index.json', () => {
  it('validates and fits the 5 MB budget', () => {
    expect(result.ok ? 'valid' : result.error).toBe('valid');
    expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(5_000_000);
  });

  const index = result.ok ? result.value : null;

  it('holds the GPT-5 launch story with r/LocalLLaMA and Hacker News reactions', () => {
    const gpt5 = index!.stories.find(
      (s) =>
        s.entities[0] === 'GPT-5' &&
        s.firstSeen.startsWith('2025-0') &&
        s.urls.includes('https://news.ycombinator.com/item?id=44826997'),
    )!;
    expect(gpt5).toBeDefined();
    expect(gpt5.reactions.map((r) => r.community)).toEqual(
      expect.arrayContaining(['r-localllama', 'hackernews']),
    );
    expect(gpt5.entities).toEqual(
      expect.arrayContaining(['GPT-5', 'OpenAI', 'ChatGPT', 'Sam Altman']),
    );
    expect(
      gpt5.urls.some((u) => u.startsWith('https://www.reddit.com/r/LocalLLaMA/comments/')),
    ).toBe(true);
  });

  it('holds the Hacker News story "Why We Think" with its linked page', () => {
    const why = index!.stories.find((s) =>
      s.urls.includes('https://news.ycombinator.com/item?id=45395133'),
    )!;
    expect(why.title).toBe('Why We Think');
    expect(why.urls).toContain('https://lilianweng.github.io/posts/2025-05-01-thinking/');
    expect(index!.provenance!.method).toContain('hn:45395133');
  });

  it('quotes real sentences: every quote from a fixture post is in that post', () => {
    const { files } = readSources([FIXTURES]);
    const check = checkQuotes(index!, textsByUrl(files.flatMap((f) => f.posts)));
    // The fixtures hold the sources of the GPT-5, GLM-4.5 and Kimi K2 quotes.
    expect(check.checked).toBeGreaterThanOrEqual(8);
    expect(check.failures).toEqual([]);
  });

  it('declares exactly the communities and topics it uses', () => {
    const used = new Set(index!.stories.flatMap((s) => s.reactions.map((r) => r.community)));
    expect(new Set(index!.communities.map((c) => c.id))).toEqual(used);
    const topics = new Set(index!.stories.flatMap((s) => s.topics));
    expect(new Set(index!.topics.map((t) => t.id))).toEqual(topics);
  });
});
