/**
 * A benchmark page added to the private copy of the extension (chrome-extension://<id>/bench.html),
 * so code runs at the extension's origin: against the extension's own IndexedDB, with the
 * extension's own store code (utils/index/store.ts) and bench/import.ts, bundled by esbuild.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryIndex } from '../utils/index/schema';
import { STORIES } from '../utils/match/story-fixtures';
import { bundleForBrowser } from './bundle';

export const BENCH_PAGE = 'bench.html';

const ENTRY = `
import { benchImport, generateIndex } from './bench/import';
import { openDatabase } from './utils/index/db';
import { importStoryIndex } from './utils/index/store';
import { DEFAULT_SETTINGS } from './utils/settings';
(globalThis as any).__crosstalkBench = {
  runImportBench(templates: any, sizes: number[]) {
    return benchImport({ templates, sizes, log: (line: string) => console.log(line) });
  },
  async installSynthetic(templates: any, n: number) {
    const index = generateIndex(templates, n);
    const db = openDatabase();
    await db.open();
    const t0 = performance.now();
    await importStoryIndex(db, index, { url: 'bench:synthetic-' + n, bundled: false });
    db.close();
    return performance.now() - t0;
  },
  /** A field of the reader's settings changed, the rest kept (defaults where unset). */
  async patchSettings(patch: any) {
    const current = (await chrome.storage.local.get('settings')).settings ?? {};
    await chrome.storage.local.set({ settings: { ...DEFAULT_SETTINGS, ...current, ...patch } });
  },
  defaultSettings: () => DEFAULT_SETTINGS,
};
`;

export async function benchPageFiles(): Promise<Record<string, string>> {
  return {
    [BENCH_PAGE]:
      '<!doctype html><meta charset="utf-8"><title>bench</title><script src="bench.js"></script>',
    'bench.js': await bundleForBrowser(ENTRY),
    'bench-blank.html': '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p>',
  };
}

/**
 * Real stories to copy from: the bundled index of the build under test, else the repository's
 * public/story-index.json, else the matcher's test fixtures (said in the results).
 */
export function loadTemplates(buildDir: string): { index: StoryIndex; source: string } {
  for (const path of [join(buildDir, 'story-index.json'), 'public/story-index.json']) {
    if (existsSync(path)) {
      const index = JSON.parse(readFileSync(path, 'utf8')) as StoryIndex;
      if (Array.isArray(index.stories) && index.stories.length > 0) return { index, source: path };
    }
  }
  const communities = [...new Set(STORIES.flatMap((s) => s.reactions.map((r) => r.community)))].map(
    (id) => ({
      id,
      name: id,
      platform: 'other',
      homepage: `https://${id}.example.org/`,
    }),
  );
  const topics = [...new Set(STORIES.flatMap((s) => s.topics))].map((id) => ({ id, label: id }));
  return {
    index: {
      format: 'crosstalk.story-index',
      version: 1,
      generatedAt: '2025-08-09T00:00:00Z',
      communities,
      topics,
      stories: STORIES,
    } as unknown as StoryIndex,
    source: 'utils/match/story-fixtures.ts (no bundled index in the build)',
  };
}
