/**
 * The other engineers' benchmark modules, called through their exported functions and turned
 * into rows. Each is loaded only when its file exists, so a missing one reads "not measured".
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Figure } from './report';
import { notMeasured, ratioOf } from './report';
import type { Distribution } from './stats';

export async function loadModule<T>(path: string): Promise<T | null> {
  if (!existsSync(path)) return null;
  return (await import(pathToFileURL(resolve(path)).href)) as T;
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

export function fromLatency(l: Latency): Distribution {
  return { median: l.p50, p95: l.p95, min: NaN, max: l.max, n: l.runs };
}

interface MatchResultShape {
  templates: { source: string; stories: number };
  sizes: {
    stories: number;
    matcher: Latency;
    linear: Latency;
    minisearch: Latency;
    found: { matcher: number; linear: number; minisearch: number };
    buildMs: { matcher: number; linear: number; minisearch: number };
  }[];
  rebuildMs10k: { matcher: number; search: number };
  search10k: Latency;
}

export interface MatchModule {
  benchMatch(options: {
    sizes?: number[];
    pagesPerSize?: number;
    baselinePages?: number;
    log?: (line: string) => void;
  }): Promise<MatchResultShape>;
}

export function matchFigures(result: MatchResultShape): Figure[] {
  const figures: Figure[] = [];
  const goals: Record<number, number> = { 10_000: 5, 100_000: 20 };
  for (const size of result.sizes) {
    const ours = fromLatency(size.matcher);
    const goalMs = goals[size.stories];
    const ahead = ours.p95 < size.linear.p95 && ours.p95 < size.minisearch.p95;
    for (const [label, base] of [
      ['linear scan', size.linear],
      ['MiniSearch 7', size.minisearch],
    ] as const) {
      figures.push({
        section: 'match',
        figure: `match latency at ${size.stories.toLocaleString('en')} stories vs ${label}`,
        unit: 'ms',
        value: ours,
        baseline: { label, value: fromLatency(base) },
        ratio: ratioOf(ours, fromLatency(base)),
        // The issue sets goals at 10,000 and 100,000 stories. At 1,000 a plain scan is cheap,
        // and whether its tail beats the matcher's (whose per-page work does not shrink with
        // the index) is reported, not judged.
        goal: goalMs === undefined ? '—' : `p95 ≤ ${goalMs} ms, ahead of both`,
        pass: goalMs === undefined ? null : ours.p95 <= goalMs && ahead,
        note:
          `${ahead ? 'p95 ahead of both' : 'p95 not ahead of both'}, median ${ours.median < size.linear.p50 && ours.median < size.minisearch.p50 ? 'ahead of both' : 'not ahead of both'}; ` +
          `top-1 own story found: matcher ${size.found.matcher}, linear ${size.found.linear}, MiniSearch ${size.found.minisearch}; build ms: ${size.buildMs.matcher} / ${size.buildMs.linear} / ${size.buildMs.minisearch}`,
      });
    }
  }
  const at10k = result.sizes.find((s) => s.stories === 10_000);
  if (at10k) {
    const rebuild = result.rebuildMs10k.matcher + result.rebuildMs10k.search;
    figures.push({
      section: 'match',
      figure: 'rebuild after a worker restart, 10,000 stories (matcher + search)',
      unit: 'ms',
      value: rebuild,
      baseline: { label: 'MiniSearch index build, same stories', value: at10k.buildMs.minisearch },
      ratio: ratioOf(rebuild, at10k.buildMs.minisearch),
      goal: '< 300 ms',
      pass: rebuild < 300,
      note: `matcher ${result.rebuildMs10k.matcher} ms + search ${result.rebuildMs10k.search} ms (best of 5)`,
    });
  } else {
    figures.push(
      notMeasured(
        'match',
        'rebuild after a worker restart, 10,000 stories',
        '< 300 ms',
        'the 10,000 size was not run (--quick)',
      ),
    );
  }
  return figures;
}

interface ImportResultShape {
  templates: number;
  sizes: {
    stories: number;
    validateMs: number;
    import: { ms: number; peakHeapBytes: number | null };
    baseline: { ms: number; peakHeapBytes: number | null };
  }[];
}

export function importFigures(result: ImportResultShape): Figure[] {
  return result.sizes.flatMap((size) => {
    const mb = (b: number | null) => (b === null ? 'n/a' : `${(b / 1048576).toFixed(1)} MB`);
    const figure: Figure = {
      section: 'index import',
      figure: `IndexedDB import of ${size.stories.toLocaleString('en')} stories (Chromium)`,
      unit: 'ms',
      value: size.import.ms,
      baseline: { label: 'plainest import (raw IDB, one put per story)', value: size.baseline.ms },
      ratio: ratioOf(size.import.ms, size.baseline.ms),
      goal: size.stories === 10_000 ? '< 2 s' : null,
      pass: size.stories === 10_000 ? size.import.ms < 2000 : null,
      note: `peak heap +${mb(size.import.peakHeapBytes)} (baseline +${mb(size.baseline.peakHeapBytes)}); validation before it ${size.validateMs} ms; ${result.templates} template stories`,
    };
    return [figure];
  });
}
