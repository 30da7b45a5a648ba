/**
 * What Crosstalk costs a page, in real Chromium: the scripts the background runs in it (the
 * readers read-quick.js and read-full.js, sidebar.js where a story matched). Every benchmark page is loaded in two
 * browsers that differ only in the extension (same flags, same proxy, same profiler), one load
 * at a time, alternating which browser goes first. Each load starts from a page on a host the
 * Crosstalk never reads, so the page gets a fresh renderer process (a cold start, as the
 * first page of a site is). During the load and a settle time after it, V8's sampling profiler
 * runs on the page's renderer (CDP Profiler, 100 µs); see profile.ts for how samples are
 * attributed to the extension's scripts. loadEventEnd comes from the page's navigation timing entry.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { LocalWeb } from '../tests/e2e/server';
import { serviceWorkerChannel, type BenchBrowser, type TargetChannel } from './chromium';
import { CLASSIFY_MEASURE } from '../utils/background/timing';
import type { BenchPage } from './corpus-pages';
import type { CpuProfile } from './profile';
import { splitProfile } from './profile';
import type { ReadClassifyBundle, ReadClassifySample } from './read-classify';
import { measureReadClassify } from './read-classify';

/** One page's loads in both browsers, and its read+classify, or it is skipped. */
const PAGE_TIMEOUT_MS = 60_000;

export const START_URL = 'https://bench-start.crosstalk-bench.invalid/';

export interface LoadSample {
  loadMs: number;
  dclMs: number;
  busyMs: number;
  extensionMs: number;
  /** Of extensionMs, the samples in sidebar.js (the UI, injected only where a story matched). */
  sidebarMs: number;
  /** Of extensionMs, the samples in read-full.js (run only where the quick reading showed AI). */
  fullReadMs: number;
  /** Whether the sidebar host was in the page when the profile stopped. */
  sidebar: boolean;
  /**
   * With the extension: how long each classification of this page's readings took in the
   * service worker (its User Timing measures, utils/background/timing.ts); null when the
   * worker could not be asked.
   */
  workerClassifyMs?: number[] | null;
}

export interface PageCostSample {
  id: string;
  ai: boolean;
  url: string;
  original: boolean;
  without: LoadSample[];
  with: LoadSample[];
  /**
   * Non-AI pages only: loads in a third browser with an empty extension (a service worker that
   * does nothing, no permissions), the control that tells the browser's cost of having any
   * extension from Crosstalk's own.
   */
  control?: LoadSample[];
  read: ReadClassifySample | null;
  /** Loads with the extension repeated because the profile held none of its samples. */
  reloaded?: number;
  error?: string;
}

export interface Tab {
  page: Page;
  session: CDPSession;
  extensionBase: string | null;
  /** The extension's service worker, asked for its classify measures; null without one. */
  worker: WorkerMeasures | null;
}

/** The service worker's classify measures, through CDP (Runtime.evaluate in the worker). */
export interface WorkerMeasures {
  clear(): Promise<void>;
  /** Durations recorded since the last clear, or null when the worker cannot be reached. */
  read(): Promise<number[] | null>;
}

function workerMeasures(page: Page, extensionBase: string): WorkerMeasures {
  let channel: TargetChannel | null = null;
  // A restarted worker is a new target: connect again once before giving up.
  const evaluate = async (expression: string): Promise<unknown> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        channel ??= await serviceWorkerChannel(page, extensionBase);
        const result = await channel.call<{ result: { value?: unknown } }>('Runtime.evaluate', {
          expression,
          returnByValue: true,
        });
        return result.result.value;
      } catch {
        await channel?.detach();
        channel = null;
      }
    }
    return null;
  };
  const name = JSON.stringify(CLASSIFY_MEASURE);
  return {
    async clear() {
      await evaluate(`performance.clearMeasures(${name})`);
    },
    async read() {
      const value = await evaluate(
        `performance.getEntriesByName(${name}, 'measure').map((e) => e.duration)`,
      );
      return Array.isArray(value) ? (value as number[]) : null;
    },
  };
}

export async function openTab(browser: BenchBrowser): Promise<Tab> {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  const base = browser.extensionBase;
  return {
    page,
    session,
    extensionBase: base,
    worker: base ? workerMeasures(page, base) : null,
  };
}

export function servePages(web: LocalWeb, pages: readonly BenchPage[]): void {
  web.serve(START_URL, { body: '<!doctype html><title>start</title>', contentType: 'text/html' });
  for (const page of pages) {
    web.serve(page.url, {
      body: readFileSync(page.file),
      gzipped: page.gzipped,
      contentType: 'text/html; charset=utf-8',
    });
  }
}

export async function loadOnce(tab: Tab, url: string, settleMs: number): Promise<LoadSample> {
  await tab.page.goto(START_URL, { waitUntil: 'load' });
  await tab.worker?.clear();
  await tab.session.send('Profiler.start');
  let profile: CpuProfile;
  try {
    await tab.page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await tab.page.waitForTimeout(settleMs);
  } finally {
    profile = ((await tab.session.send('Profiler.stop')) as { profile: CpuProfile }).profile;
  }
  const timing = await tab.page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const sidebar = Array.from(document.documentElement.children).some((el) =>
      el.localName.startsWith('crosstalk-sidebar'),
    );
    return { load: nav?.loadEventEnd ?? NaN, dcl: nav?.domContentLoadedEventEnd ?? NaN, sidebar };
  });
  const workerClassifyMs = tab.worker ? await tab.worker.read() : undefined;
  const split = splitProfile(profile, tab.extensionBase);
  const ui = splitProfile(profile, tab.extensionBase && `${tab.extensionBase}sidebar.js`);
  const full = splitProfile(profile, tab.extensionBase && `${tab.extensionBase}read-full.js`);
  return {
    loadMs: timing.load,
    dclMs: timing.dcl,
    busyMs: split.busyMs,
    extensionMs: split.attributedMs,
    sidebarMs: ui.attributedMs,
    fullReadMs: full.attributedMs,
    sidebar: timing.sidebar,
    ...(workerClassifyMs === undefined ? {} : { workerClassifyMs }),
  };
}

export type Which = 'with' | 'without' | 'control';

export interface PageCostOptions {
  pages: readonly BenchPage[];
  /** Replaced by fresh tabs when a page hangs (a dialog, a busy loop): read them back after. */
  without: Tab;
  with: Tab;
  /** The empty-extension browser, loaded on non-AI pages only; none when absent. */
  control: Tab | null;
  /** Opens a fresh tab in the same browser as `which`. */
  reopen: (which: Which) => Promise<Tab>;
  reps: number;
  settleMs: number;
  readBundle: ReadClassifyBundle | null;
  log: (line: string) => void;
}

export async function runPageCost(options: PageCostOptions): Promise<PageCostSample[]> {
  const out: PageCostSample[] = [];
  // One untimed load in each browser: the service worker's start and the first compile of the
  // profiler and the pages' shared code are not what a page pays.
  const warm = options.pages.find((p) => p.ai) ?? options.pages[0];
  if (warm) {
    await loadOnce(options.with, warm.url, options.settleMs).catch(() => undefined);
    await loadOnce(options.without, warm.url, options.settleMs).catch(() => undefined);
    if (options.control)
      await loadOnce(options.control, warm.url, options.settleMs).catch(() => undefined);
  }
  for (const [i, page] of options.pages.entries()) {
    const sample: PageCostSample = {
      id: page.id,
      ai: page.ai,
      url: page.url,
      original: page.original,
      without: [],
      with: [],
      read: null,
    };
    const control = !page.ai ? options.control : null;
    if (control) sample.control = [];
    const work = async () => {
      for (let rep = 0; rep < options.reps; rep++) {
        // Which browser goes first turns from page to page (among three where there is a control).
        const turn = i + rep;
        const order: Which[] = control
          ? (
              [
                ['with', 'without', 'control'],
                ['without', 'control', 'with'],
                ['control', 'with', 'without'],
              ] as const
            )[turn % 3]!.slice()
          : turn % 2 === 0
            ? ['with', 'without']
            : ['without', 'with'];
        for (const which of order) {
          const tab = which === 'control' ? control! : options[which];
          let load = await loadOnce(tab, page.url, options.settleMs);
          // No sample at all from the extension: its scripts ran outside the profiled
          // window (it never costs 0 ms), so this load measured nothing of it; load once more.
          if (which === 'with' && load.extensionMs === 0) {
            sample.reloaded = (sample.reloaded ?? 0) + 1;
            load = await loadOnce(options[which], page.url, options.settleMs);
          }
          sample[which]!.push(load);
        }
      }
      // After both loads, so the reading follows what the background did with the page (the
      // worker classified a full reading too, or not); the tab without the extension is still
      // on the page.
      if (options.readBundle) {
        const measures = sample.with[0]?.workerClassifyMs;
        sample.read = await measureReadClassify(
          options.without.page,
          options.readBundle,
          i % 2 === 0,
          measures && measures.length > 0 ? measures.length > 1 : null,
        );
      }
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        work(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no result within ${PAGE_TIMEOUT_MS} ms`)),
            PAGE_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      sample.error = String(error).split('\n')[0];
      // A hung page keeps its tab busy: leave the tabs behind and carry on in fresh ones.
      for (const which of ['with', 'without'] as const) {
        void options[which].page.close().catch(() => undefined);
        options[which] = await options.reopen(which);
      }
      if (options.control) {
        void options.control.page.close().catch(() => undefined);
        options.control = await options.reopen('control');
      }
    } finally {
      clearTimeout(timer);
    }
    out.push(sample);
    const w = sample.with[0];
    options.log(
      `  page ${i + 1}/${options.pages.length} ${page.ai ? 'AI ' : '   '} ${w ? `ext ${w.extensionMs.toFixed(1)} ms` : sample.error}  ${page.url.slice(0, 70)}`,
    );
  }
  return out;
}
