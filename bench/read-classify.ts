/**
 * Reading and classifying a real article in Chromium's main thread (issue 5), as the extension
 * does it: utils/page/read.ts's readPageQuick, classified (utils/topic/page.ts); and, when the
 * quick reading cannot settle the page (utils/background/reading-gate.ts), the full reading,
 * classified again. Bundled into the page and timed with performance.now() around the
 * synchronous calls, the reading cold, as the product meets every page (the readers are
 * evaluated afresh on every page). The figure takes this reading time and adds the
 * classification as the background really ran it, in its worker, during the same page's load
 * with the extension (page-cost.ts reads the worker's User Timing measures). The classification
 * timed here, in a fresh page realm warmed by one fixed sentence (untimed for the figure but
 * kept as the cold first-call cost), is printed beside it for comparison only: no page realm
 * classifies in the product. Baseline on the same page in the same load: @mozilla/readability's
 * parse() on a clone of the document (its documented use), also cold. The two run in
 * alternating order from page to page, after the page has loaded and painted, so neither
 * inherits the other's warm-up.
 */
import type { Page } from 'playwright-core';
import { bundleForBrowser, missing } from './bundle';

export interface ReadClassifySample {
  oursMs: number | null;
  readMs: number | null;
  classifyMs: number | null;
  /** classifyText's first call in a fresh realm (once per worker start, not per page). */
  coldClassifyMs: number | null;
  ai: boolean | null;
  /** Whether the page needed the full reading after the quick one. */
  fullRead: boolean | null;
  readabilityMs: number;
  readabilityChars: number;
}

const ENTRY_WITH_OURS = `
import { quickReadingSettles } from './utils/background/reading-gate';
import { readPageQuick } from './utils/page/read';
import { classifyText } from './utils/topic/classify';
import { classifyPage } from './utils/topic/page';
import { Readability } from '@mozilla/readability';
(globalThis as any).__crosstalkBench = {
  ours(fullReadTaken: boolean | null) {
    const c0 = performance.now();
    classifyText({ title: 'A new open-weight language model', text: 'It was released today.', lang: 'en', url: null });
    const coldClassifyMs = performance.now() - c0;
    // As the extension runs it: the quick reading, and the full one only when
    // the background cannot settle the page on the quick one.
    const t0 = performance.now();
    const first = readPageQuick(document, location.href);
    const t1 = performance.now();
    const quick = classifyPage(first.reading);
    const t2 = performance.now();
    let readMs = t1 - t0;
    let classifyMs = t2 - t1;
    let ai = quick.ai;
    // Whether the background took the full reading of this page, as its worker's measures showed
    // during the load with the extension (two classifications); else the gate on the AI score
    // alone, which takes it a little more often (the background also skips it when no lead
    // could match a story, which needs the matcher and is not bundled here).
    const fullRead =
      first.quick && (fullReadTaken ?? !quickReadingSettles(quick.score, false));
    if (fullRead) {
      const t3 = performance.now();
      const page = first.full();
      const t4 = performance.now();
      ai = classifyPage(page).ai;
      readMs += t4 - t3;
      classifyMs += performance.now() - t4;
    }
    return { readMs, classifyMs, totalMs: readMs + classifyMs, coldClassifyMs, ai, fullRead };
  },
  readability() {
    const t0 = performance.now();
    const article = new Readability(document.cloneNode(true) as Document).parse();
    return { ms: performance.now() - t0, chars: article?.textContent?.length ?? 0 };
  },
};
`;

const ENTRY_BASELINE_ONLY = `
import { Readability } from '@mozilla/readability';
(globalThis as any).__crosstalkBench = {
  ours: null,
  readability() {
    const t0 = performance.now();
    const article = new Readability(document.cloneNode(true) as Document).parse();
    return { ms: performance.now() - t0, chars: article?.textContent?.length ?? 0 };
  },
};
`;

export interface ReadClassifyBundle {
  code: string;
  /** Why our side cannot be measured, when it cannot. */
  oursMissing: string | null;
}

export async function buildReadClassifyBundle(): Promise<ReadClassifyBundle> {
  const absent = missing(
    'utils/page/read.ts',
    'utils/topic/classify.ts',
    'utils/background/reading-gate.ts',
  );
  if (absent.length === 0) {
    try {
      return { code: await bundleForBrowser(ENTRY_WITH_OURS), oursMissing: null };
    } catch (error) {
      return {
        code: await bundleForBrowser(ENTRY_BASELINE_ONLY),
        oursMissing: `readPage/classifyText did not bundle: ${String(error).split('\n')[0]}`,
      };
    }
  }
  return {
    code: await bundleForBrowser(ENTRY_BASELINE_ONLY),
    oursMissing: `${absent.join(', ')} not present`,
  };
}

export async function measureReadClassify(
  page: Page,
  bundle: ReadClassifyBundle,
  oursFirst: boolean,
  fullReadTaken: boolean | null = null,
): Promise<ReadClassifySample> {
  // Through CDP (Runtime.evaluate), so a page's own Content-Security-Policy cannot block it.
  await page.evaluate(bundle.code);
  return page.evaluate(
    async ([first, taken]) => {
      interface Bench {
        ours:
          | null
          | ((fullReadTaken: boolean | null) => {
              readMs: number;
              classifyMs: number;
              totalMs: number;
              coldClassifyMs: number;
              ai: boolean;
              fullRead: boolean;
            });
        readability: () => { ms: number; chars: number };
      }
      const bench = (globalThis as unknown as { __crosstalkBench: Bench }).__crosstalkBench;
      const idle = () => new Promise((resolve) => setTimeout(resolve, 30));
      let ours: ReturnType<NonNullable<Bench['ours']>> | null = null;
      let base: { ms: number; chars: number };
      if (first && bench.ours) {
        ours = bench.ours(taken);
        await idle();
        base = bench.readability();
      } else {
        base = bench.readability();
        await idle();
        ours = bench.ours ? bench.ours(taken) : null;
      }
      return {
        oursMs: ours?.totalMs ?? null,
        readMs: ours?.readMs ?? null,
        classifyMs: ours?.classifyMs ?? null,
        coldClassifyMs: ours?.coldClassifyMs ?? null,
        ai: ours?.ai ?? null,
        fullRead: ours?.fullRead ?? null,
        readabilityMs: base.ms,
        readabilityChars: base.chars,
      };
    },
    [oursFirst, fullReadTaken] as const,
  );
}
