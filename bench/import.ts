/**
 * Import benchmark: how long storing 10,000 and 100,000 stories in IndexedDB
 * takes through `importStoryIndex` (stories sorted by id into pages of a few
 * hundred, chunked bulkPut, one atomic transaction), against the plainest
 * possible import measured in the same run: raw IndexedDB, one transaction, one
 * put per story, no indexes, no derived fields. The store writes pages because
 * IndexedDB's cost is per record, so it can beat that baseline (ratio below 1).
 * Validation time is measured apart, since a sync validates first.
 *
 * Stories are generated from real ones: each is a copy of a template story
 * (pass the bundled public/story-index.json) with a new id, new URLs and
 * numbered entities, so the index keys grow with the number of stories.
 *
 * Browser-safe: no Node API. Heap is read through `heapUsed` (default: Chromium's
 * performance.memory, which needs --enable-precise-memory-info to be exact);
 * in Node pass () => process.memoryUsage().heapUsed and load fake-indexeddb.
 */
import { Dexie } from 'dexie';
import { openDatabase, type CrosstalkDatabase } from '../utils/index/db';
import type { Story, StoryIndex } from '../utils/index/schema';
import { importStoryIndex } from '../utils/index/store';
import { validateStoryIndex } from '../utils/index/validate';

export interface ImportFigure {
  ms: number;
  /** Highest heap seen during the run minus the heap before it, in bytes; null if unreadable. */
  peakHeapBytes: number | null;
}

export interface ImportSizeResult {
  stories: number;
  validateMs: number;
  import: ImportFigure;
  baseline: ImportFigure;
  /** import.ms / baseline.ms */
  ratio: number;
}

export interface ImportBenchResult {
  templates: number;
  sizes: ImportSizeResult[];
  goal: { storiesAt: number; underMs: number; met: boolean | null };
}

export interface ImportBenchOptions {
  templates: StoryIndex;
  sizes?: number[];
  heapUsed?: () => number | null;
  indexedDB?: IDBFactory;
  log?: (line: string) => void;
}

export const IMPORT_GOAL = { storiesAt: 10_000, underMs: 2000 };

function defaultHeapUsed(): number | null {
  const memory = (performance as { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}

/** `n` stories copied from the templates, each with its own id and entity names, and past the first round its own URLs. */
export function generateIndex(templates: StoryIndex, n: number): StoryIndex {
  const base = templates.stories;
  if (base.length === 0) throw new Error('the template index has no stories');
  const idOf = (i: number) => `g${i}-${base[i % base.length]!.id}`.slice(0, 120);
  const stories: Story[] = [];
  for (let i = 0; i < n; i++) {
    const t = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    // Related ids point into the same round of copies, so references resolve.
    const related = t.related
      .map((id) => base.findIndex((s) => s.id === id))
      .filter((j) => j >= 0 && round * base.length + j < n && round * base.length + j !== i)
      .map((j) => idOf(round * base.length + j));
    stories.push({
      ...t,
      id: idOf(i),
      entities: [...t.entities.slice(0, 4), `Entity${i}`],
      // The first copy keeps the real addresses, so a real page still links to its story (the
      // memory step measures a page with its sidebar open); the other copies get their own.
      urls:
        round === 0
          ? t.urls
          : t.urls.map((u, k) => `${u.replace(/[?#].*$/, '').replace(/\/$/, '')}/g${i}-${k}`),
      related,
    });
  }
  return { ...templates, stories };
}

async function measure(
  heapUsed: () => number | null,
  run: (sample: () => void) => Promise<void>,
): Promise<ImportFigure> {
  const before = heapUsed();
  let peak = before;
  const sample = () => {
    const now = heapUsed();
    if (now !== null && (peak === null || now > peak)) peak = now;
  };
  const timer = setInterval(sample, 20);
  const start = performance.now();
  try {
    await run(sample);
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - start;
  sample();
  return {
    ms: Math.round(ms * 10) / 10,
    peakHeapBytes: before === null || peak === null ? null : Math.max(0, peak - before),
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The plainest import: one store keyed by id, one transaction, one put per story. */
async function rawImport(factory: IDBFactory, name: string, stories: Story[], sample: () => void) {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('stories', { keyPath: 'id' });
  const db = await request(open);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('stories', 'readwrite');
      const store = tx.objectStore('stories');
      for (let i = 0; i < stories.length; i++) {
        store.put(stories[i]);
        if (i % 2000 === 0) sample();
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
  await request(factory.deleteDatabase(name));
}

export async function benchImport(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const sizes = options.sizes ?? [10_000, 100_000];
  const heapUsed = options.heapUsed ?? defaultHeapUsed;
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const log = options.log ?? (() => undefined);
  const results: ImportSizeResult[] = [];
  for (const n of sizes) {
    const index = generateIndex(options.templates, n);
    const t0 = performance.now();
    const checked = validateStoryIndex(index);
    const validateMs = Math.round((performance.now() - t0) * 10) / 10;
    if (!checked.ok) throw new Error(`generated index is invalid: ${checked.error}`);

    const name = `bench-import-${n}-${Date.now()}`;
    const db: CrosstalkDatabase = openDatabase(name);
    await db.open();
    const imported = await measure(heapUsed, (sample) =>
      importStoryIndex(db, checked.value, { url: 'bench:', bundled: true }, sample),
    );
    db.close();
    await Dexie.delete(name);

    const baseline = await measure(heapUsed, (sample) =>
      rawImport(factory, `${name}-raw`, index.stories, sample),
    );
    const result: ImportSizeResult = {
      stories: n,
      validateMs,
      import: imported,
      baseline,
      ratio: Math.round((imported.ms / baseline.ms) * 100) / 100,
    };
    log(
      `${n} stories: import ${imported.ms} ms, baseline ${baseline.ms} ms (×${result.ratio}), validate ${validateMs} ms`,
    );
    results.push(result);
  }
  const atGoal = results.find((r) => r.stories === IMPORT_GOAL.storiesAt);
  return {
    templates: options.templates.stories.length,
    sizes: results,
    goal: { ...IMPORT_GOAL, met: atGoal ? atGoal.import.ms < IMPORT_GOAL.underMs : null },
  };
}
