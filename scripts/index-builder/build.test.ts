import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStoryIndex } from '../../utils/index/validate';
import { FIXTURES } from './fixtures';
import { checkQuotes, textsByUrl } from './quote-check';
import { buildValidated, readSources } from './run';
import { formatInputError } from './types';

describe('building from the committed fixtures', () => {
  const { files, errors } = readSources([FIXTURES]);
  const built = buildValidated(files, {
    pins: [{ id: 'hn:45395133', reason: 'test pin' }],
  });

  it('reads every fixture without an error', () => {
    expect(errors.map(formatInputError)).toEqual([]);
  });

  it('builds a valid index with the GPT-5 story seen from r/LocalLLaMA and Hacker News', () => {
    expect(validateStoryIndex(built.index).ok).toBe(true);
    const gpt5 = built.index.stories.find((s) => s.entities[0] === 'GPT-5')!;
    expect(gpt5).toBeDefined();
    expect(gpt5.reactions.map((r) => r.community)).toEqual(
      expect.arrayContaining(['r-localllama', 'hackernews']),
    );
    expect(gpt5.urls).toContain('https://news.ycombinator.com/item?id=44826997');
  });

  it('counts posts and engagement as the inputs say', () => {
    const gpt5 = built.index.stories.find((s) => s.entities[0] === 'GPT-5')!;
    const hn = gpt5.reactions.find((r) => r.community === 'hackernews')!;
    const all = files.flatMap((f) => f.posts).filter((p) => p.community === 'hackernews');
    const roots = new Map(all.filter((p) => gpt5.urls.includes(p.url)).map((p) => [p.id, p]));
    const comments = new Set(
      all.filter((p) => p.threadUrl && gpt5.urls.includes(p.threadUrl)).map((p) => p.id),
    );
    // The Algolia hit and the hn_stories row are the same story: counted once.
    expect(hn.posts).toBe(roots.size + comments.size);
    expect(comments.size).toBe(1);
    const best = (id: string) =>
      Math.max(...all.filter((p) => p.id === id).map((p) => p.score + p.comments));
    expect(hn.engagement).toBe([...roots.keys()].reduce((n, id) => n + best(id), 0));
    expect(hn.timeline.reduce((n, d) => n + d.posts, 0)).toBe(hn.posts);
  });

  it('keeps the pinned post even though its title alone is not about AI', () => {
    const why = built.index.stories.find((s) =>
      s.urls.includes('https://news.ycombinator.com/item?id=45395133'),
    );
    expect(why?.urls).toContain('https://lilianweng.github.io/posts/2025-05-01-thinking/');
  });

  it('quotes only whole sentences of the source posts', () => {
    const result = checkQuotes(built.index, textsByUrl(files.flatMap((f) => f.posts)));
    expect(result.checked).toBeGreaterThan(0);
    expect(result.unknownSource).toBe(0);
    expect(result.failures).toEqual([]);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const again = buildValidated(readSources([FIXTURES]).files, {
      pins: [{ id: 'hn:45395133', reason: 'test pin' }],
    });
    expect(again.json).toBe(built.json);
    expect(built.index.generatedAt).toBe(
      files.flatMap((f) => f.posts).reduce((m, p) => (p.postedAt > m ? p.postedAt : m), ''),
    );
  });

  it('records provenance: every file with its post count and date range', () => {
    const sources = built.index.provenance!.sources;
    expect(sources.map((s) => s.path)).toContain(
      'tests/fixtures/discourse/hackernews-daily-stories/hn_stories.sample.jsonl',
    );
    const hn = sources.find((s) => s.path.endsWith('hn_stories.sample.jsonl'))!;
    expect(hn.posts).toBe(68);
    expect(hn.licence).toBe('MIT');
    expect(built.index.provenance!.method).toContain('VADER');
  });
});

describe('bad input', () => {
  it('names the file and line of a bad JSONL line, and still reads the good lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-'));
    const file = join(dir, 'broken.jsonl');
    writeFileSync(
      file,
      [
        '{"kb_date": "2025-08-07", "hn_id": "1", "title": "GPT-5 is here", "url": null, "points": 9, "num_comments": 2}',
        '{"kb_date": "2025-08-07", "hn_id": "2", "title": ',
        '{"unexpected": true}',
      ].join('\n'),
    );
    const { files, errors } = readSources([file]);
    expect(files[0]!.posts.map((p) => p.id)).toEqual(['hn:1']);
    expect(errors.map(formatInputError)).toEqual([
      expect.stringMatching(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: is not valid JSON`),
      ),
      `${file}:3: is not a Reddit post, HN story or arXiv listing row this builder reads`,
    ]);
  });

  it('reports a missing input path and reads the others', () => {
    const { files, errors } = readSources(['/no/such/folder', `${FIXTURES}api-samples`]);
    expect(errors.map(formatInputError)).toEqual(['/no/such/folder: cannot be read (ENOENT)']);
    expect(files.length).toBe(2);
  });

  it('names the line of a JSON syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "hits": [\n    {"objectID": 1,,}\n  ]\n}\n');
    const { errors } = readSources([file]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(3);
    expect(formatInputError(errors[0]!)).toMatch(/broken\.json:3: is not valid JSON/);
  });
});
