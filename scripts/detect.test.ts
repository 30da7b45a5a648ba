/** The detect command end to end: one process, many lines, errors on their own line. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const fixture = (name: string) => join(root, 'tests/fixtures/pages', name);

function detect(lines: string[]): Record<string, unknown>[] {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts/detect.ts'), '--index', '/nonexistent.json'],
    {
      cwd: root,
      input: `${lines.join('\n')}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('npm run detect', () => {
  it('answers every line in order, files and texts, with an error object for bad lines', () => {
    const out = detect([
      JSON.stringify({
        file: fixture('heise-sora-de.html.gz'),
        url: 'https://www.heise.de/news/sora.html',
      }),
      JSON.stringify({ title: 'Gemini horoscope for the week', text: 'Your stars.', url: null }),
      'not json',
      JSON.stringify({ file: fixture('does-not-exist.html') }),
      JSON.stringify({
        title: 'Show HN: An MCP server for your coding agent',
        url: 'https://news.ycombinator.com/item?id=1',
      }),
      JSON.stringify([1, 2]),
      JSON.stringify({
        file: fixture('hn-item-ask.html.gz'),
        url: 'https://news.ycombinator.com/item?id=36817231',
      }),
    ]);
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ ai: true, kind: 'article', story: null });
    expect(out[0]!.title).toBe('OpenAI will Hollywood den KI-Generator Sora schmackhaft machen');
    expect(out[1]).toMatchObject({ ai: false, topics: [], kind: 'article' });
    expect(out[2]).toHaveProperty('error');
    expect(out[3]).toHaveProperty('error');
    expect(out[4]).toMatchObject({ ai: true, kind: 'hn' });
    expect(out[5]).toHaveProperty('error');
    expect(out[6]).toMatchObject({
      ai: false,
      kind: 'hn',
      title: 'Ask HN: What are the best papers you read in your life?',
    });
    for (const o of [out[0]!, out[1]!, out[4]!, out[6]!]) {
      expect(Object.keys(o).sort()).toEqual(['ai', 'kind', 'score', 'story', 'title', 'topics']);
      expect(typeof o.score).toBe('number');
    }
  });
});
