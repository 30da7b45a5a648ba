import { describe, expect, it } from 'vitest';
import { benchImport, generateIndex } from '../../bench/import';
import { validateStoryIndex } from '../../utils/index/validate';
import { makeIndex } from './index-fixtures';

describe('bench/import', () => {
  it('generates a valid index of the asked size from templates', () => {
    const generated = generateIndex(makeIndex(4), 10);
    expect(generated.stories).toHaveLength(10);
    expect(new Set(generated.stories.map((s) => s.id)).size).toBe(10);
    expect(validateStoryIndex(generated)).toMatchObject({ ok: true });
    // Copies of a related template point at the copy in their own round.
    expect(generated.stories[5]!.related).toEqual([generated.stories[4]!.id]);
    // The first round keeps the templates' addresses; later rounds get their own.
    const templates = makeIndex(4).stories;
    expect(generated.stories[0]!.urls).toEqual(templates[0]!.urls);
    const all = generated.stories.flatMap((s) => s.urls);
    expect(new Set(all).size).toBe(all.length);
  });

  it('measures the import and the raw baseline', async () => {
    const lines: string[] = [];
    const result = await benchImport({
      templates: makeIndex(4),
      sizes: [300],
      heapUsed: () => process.memoryUsage().heapUsed,
      log: (line) => lines.push(line),
    });
    expect(result.sizes).toHaveLength(1);
    const [size] = result.sizes;
    expect(size!.stories).toBe(300);
    expect(size!.import.ms).toBeGreaterThan(0);
    expect(size!.baseline.ms).toBeGreaterThan(0);
    expect(size!.import.peakHeapBytes).not.toBeNull();
    expect(result.goal.met).toBeNull();
    expect(lines[0]).toMatch(/^300 stories: import [\d.]+ ms, baseline [\d.]+ ms/);
  });
});
