/**
 * Everything that runs in real Chromium, in one sequence that shares two browsers: one without
 * any extension, one with a private copy of the built extension (plus a benchmark page); during
 * the page cost, a third with an empty extension loads the non-AI pages as a control. Order:
 * page cost and read+classify on the corpus pages → popup opening → memory with the default
 * index → panel paint (sidebar set to open) → the IndexedDB import benchmark → a synthetic index
 * of `searchStories` stories, browser restarted on the same profile → popup search, memory →
 * a synthetic index of `bigStories` stories, restarted again → memory.
 */
import type { Page } from 'playwright-core';
import { startLocalWeb } from '../tests/e2e/server';
import type { BenchBrowser } from './chromium';
import { copyExtension, emptyExtension, launchBench } from './chromium';
import type { BenchPage } from './corpus-pages';
import { BENCH_PAGE, benchPageFiles, loadTemplates } from './extension-page';
import { importFigures } from './external';
import { MB, pageHeap, serviceWorkerHeap } from './memory';
import type { PageCostSample, Tab, Which } from './page-cost';
import { loadOnce, openTab, runPageCost, servePages } from './page-cost';
import { pageCostFigures, readClassifyFigures } from './page-cost-figures';
import type { PanelPaintSample } from './panel-paint';
import { measurePanelPaint, panelWatcher } from './panel-paint';
import {
  extensionPageWatcher,
  searchQueries,
  timeToFirstResults,
  timeToInteractive,
} from './popup';
import { buildReadClassifyBundle } from './read-classify';
import type { Figure } from './report';
import { notMeasured, ratioOf } from './report';
import { distribution } from './stats';

export interface BrowserSuiteOptions {
  buildDir: string;
  pages: BenchPage[];
  labelSource: string;
  reps: number;
  settleMs: number;
  popupOpens: number;
  searchQueryCount: number;
  panelPages: number;
  importSizes: number[];
  searchStories: number;
  bigStories: number | null;
  log: (line: string) => void;
}

export interface BrowserSuiteResult {
  figures: Figure[];
  details: Record<string, unknown>;
}

const PANEL_LOADS_PER_PAGE = 6;

async function benchPage(browser: BenchBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${browser.extensionBase}${BENCH_PAGE}`, { waitUntil: 'load' });
  await page.waitForFunction(
    () => 'crosstalkBench' in globalThis || '__crosstalkBench' in globalThis,
  );
  return page;
}

/**
 * Until the background has its index in memory (every answer waits for that; on a fresh profile
 * it first imports the bundled index): the benchmarks time pages, not the worker's start-up.
 */
async function waitForBackground(browser: BenchBrowser): Promise<{ stories: number; ms: number }> {
  const page = await benchPage(browser);
  try {
    return await page.evaluate(async () => {
      const t0 = performance.now();
      const runtime = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime;
      const reply = (await runtime.sendMessage({
        to: 'background',
        type: 'indexStatus',
        payload: {},
      })) as {
        ok: boolean;
        value?: { stories: number };
      };
      return { stories: reply.value?.stories ?? 0, ms: performance.now() - t0 };
    });
  } finally {
    await page.close();
  }
}

async function patchSettings(browser: BenchBrowser, patch: Record<string, unknown>): Promise<void> {
  const page = await benchPage(browser);
  await page.evaluate(
    (change) =>
      (
        globalThis as unknown as { __crosstalkBench: { patchSettings(p: unknown): Promise<void> } }
      ).__crosstalkBench.patchSettings(change),
    patch,
  );
  await page.close();
}

export async function runBrowserSuite(options: BrowserSuiteOptions): Promise<BrowserSuiteResult> {
  const { log } = options;
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const extensionDir = copyExtension(options.buildDir, await benchPageFiles());
  const templates = loadTemplates(extensionDir);
  details.templates = { source: templates.source, stories: templates.index.stories.length };
  const web = await startLocalWeb();
  servePages(web, options.pages);
  let without: BenchBrowser | null = null;
  let control: BenchBrowser | null = null;
  let withExt: BenchBrowser | null = await launchBench({ proxyPort: web.port, extensionDir });
  try {
    without = await launchBench({ proxyPort: web.port, extensionDir: null });
    control = await launchBench({ proxyPort: web.port, extensionDir: emptyExtension() });
    let tabWithout = await openTab(without);
    let tabWith = await openTab(withExt);
    const ready = await waitForBackground(withExt);
    details.backgroundReady = ready;
    log(
      `background ready: ${ready.stories} stories, first answer after ${Math.round(ready.ms)} ms`,
    );

    // ---- page cost and read+classify
    let samples: PageCostSample[] = [];
    if (options.pages.length > 0) {
      const readBundle = await buildReadClassifyBundle();
      log(`page cost: ${options.pages.length} pages × ${options.reps} load(s) in each browser`);
      const run = {
        pages: options.pages,
        without: tabWithout,
        control: await openTab(control),
        with: tabWith,
        reopen: (which: Which) =>
          openTab(which === 'with' ? withExt! : which === 'control' ? control! : without!),
        reps: options.reps,
        settleMs: options.settleMs,
        readBundle,
        log,
      };
      samples = await runPageCost(run);
      tabWithout = run.without;
      await control.close();
      control = null;
      tabWith = run.with;
      figures.push(...pageCostFigures(samples, options.labelSource));
      figures.push(...readClassifyFigures(samples, readBundle.oursMissing));
      details.pageCost = samples;
    }
    const aiWithSidebar = samples
      .filter((s) => s.ai && s.with.some((l) => l.sidebar))
      .map((s) => s.url);

    // ---- popup opening, default index
    figures.push(...(await popupOpenFigures(withExt, options.popupOpens, 'default index')));

    // ---- memory, default index
    figures.push(
      ...(await memoryFigures(
        withExt,
        tabWith,
        tabWithout,
        aiWithSidebar[0] ?? null,
        'default index',
        options.settleMs,
        details,
      )),
    );

    // ---- panel paint
    if (aiWithSidebar.length === 0) {
      figures.push(
        notMeasured(
          'sidebar',
          'background answer → painted panel',
          '< 50 ms',
          'no corpus page got a sidebar',
        ),
      );
    } else {
      await patchSettings(withExt, { sidebarMode: 'open' });
      const panelTab = await openTab(withExt);
      await panelTab.page.addInitScript(panelWatcher);
      const panel: PanelPaintSample[] = [];
      const urls = aiWithSidebar.slice(0, options.panelPages);
      // Each page twice; the first of all is a warm-up, not counted.
      await measurePanelPaint(panelTab, urls[0]!);
      // Few corpus pages get a sidebar, so each is loaded several times for a steadier median.
      for (let rep = 0; rep < PANEL_LOADS_PER_PAGE; rep++)
        for (const url of urls) panel.push(await measurePanelPaint(panelTab, url));
      await panelTab.page.close();
      await patchSettings(withExt, { sidebarMode: 'tab' });
      details.panelPaint = panel;
      const traced = panel.flatMap((p) => (p.panelMs === null ? [] : [p.panelMs]));
      const base = panel.flatMap((p) => (p.baselineMs === null ? [] : [p.baselineMs]));
      const inPage = panel.flatMap((p) => (p.hostToPaintMs === null ? [] : [p.hostToPaintMs]));
      const readToPaint = panel.flatMap((p) => (p.readToPaintMs === null ? [] : [p.readToPaintMs]));
      const sidebarScript = panel.flatMap((p) =>
        p.sidebarScriptMs === null ? [] : [p.sidebarScriptMs],
      );
      const fromAnswer = panel.filter((p) => p.panelMs !== null && p.fromAnswer).length;
      if (traced.length === 0) {
        figures.push(
          notMeasured(
            'sidebar',
            'background answer → painted panel',
            '< 50 ms',
            `no panel painted (${panel.map((p) => p.error ?? 'no stamps').join('; ')})`,
          ),
        );
      } else {
        const value = distribution(traced);
        const baseline = distribution(base);
        figures.push({
          section: 'sidebar',
          figure: 'background answer → painted open panel (trace)',
          unit: 'ms',
          value,
          baseline: { label: 'plain <div> append → painted, same pages', value: baseline },
          ratio: ratioOf(value, baseline),
          goal: '< 50 ms',
          pass: value.median < 50,
          note:
            `${urls.length} AI pages × ${PANEL_LOADS_PER_PAGE} loads; ${fromAnswer} of ${traced.length} timed from the answer's task, ` +
            `the rest from the host's task; ` +
            `host in DOM → painted (page clock) median ${distribution(inPage).median.toFixed(1)} ms; ` +
            `page's first reading → painted median ${distribution(readToPaint).median.toFixed(1)} ms; ` +
            `of which evaluating the injected sidebar.js median ${distribution(sidebarScript).median.toFixed(1)} ms; goal judged on the median`,
        });
      }
    }

    // ---- IndexedDB import benchmark (bench/import.ts), in the extension's origin
    {
      const page = await benchPage(withExt);
      try {
        log(`import bench: ${options.importSizes.join(', ')} stories`);
        const result = await page.evaluate(
          ([index, sizes]) =>
            (
              globalThis as unknown as {
                __crosstalkBench: { runImportBench(t: unknown, s: number[]): Promise<unknown> };
              }
            ).__crosstalkBench.runImportBench(index, sizes),
          [templates.index, options.importSizes] as const,
        );
        details.import = result;
        figures.push(...importFigures(result as Parameters<typeof importFigures>[0]));
      } catch (error) {
        figures.push(
          notMeasured(
            'index import',
            'IndexedDB import',
            '< 2 s at 10,000',
            String(error).split('\n')[0]!,
          ),
        );
      }
      await page.close();
    }

    // ---- a synthetic index for search, then the big one for memory
    for (const [stories, purpose] of [
      [options.searchStories, 'search'],
      ...(options.bigStories ? [[options.bigStories, 'memory'] as const] : []),
    ] as const) {
      const page = await benchPage(withExt);
      log(`installing a synthetic index of ${stories} stories in the extension's database`);
      const installMs = await page.evaluate(
        ([index, n]) =>
          (
            globalThis as unknown as {
              __crosstalkBench: { installSynthetic(t: unknown, n: number): Promise<number> };
            }
          ).__crosstalkBench.installSynthetic(index, n),
        [templates.index, stories] as const,
      );
      await page.close();
      // A restart: the service worker rebuilds its in-memory state from IndexedDB, as after an update.
      const profileDir = withExt.profileDir;
      await withExt.close({ keepProfile: true });
      withExt = null;
      withExt = await launchBench({ proxyPort: web.port, extensionDir, profileDir });
      tabWith = await openTab(withExt);
      const restart = await waitForBackground(withExt);
      log(`restarted: ${restart.stories} stories in memory after ${Math.round(restart.ms)} ms`);
      const label = `${stories.toLocaleString('en')} stories`;
      details[`install${stories}`] = { installMs, restart };
      if (purpose === 'search') {
        figures.push(
          ...(await popupSearchFigures(
            withExt,
            templates.index.stories.map((s) => s.title),
            options,
            label,
          )),
        );
        figures.push(...(await popupOpenFigures(withExt, options.popupOpens, label)));
      }
      figures.push(
        ...(await memoryFigures(
          withExt,
          tabWith,
          tabWithout,
          aiWithSidebar[0] ?? null,
          label,
          options.settleMs,
          details,
        )),
      );
    }
  } finally {
    await withExt?.close();
    await without?.close();
    await control?.close();
    await web.close();
  }
  return { figures, details };
}

async function popupOpenFigures(
  browser: BenchBrowser,
  opens: number,
  label: string,
): Promise<Figure[]> {
  const page = await browser.context.newPage();
  await page.addInitScript(extensionPageWatcher);
  const popup: number[] = [];
  const blank: number[] = [];
  // One untimed open of each: the worker may be waking up.
  await timeToInteractive(page, `${browser.extensionBase}popup.html`);
  await timeToInteractive(page, `${browser.extensionBase}bench-blank.html`);
  for (let i = 0; i < opens; i++) {
    const p = await timeToInteractive(page, `${browser.extensionBase}popup.html`);
    const b = await timeToInteractive(page, `${browser.extensionBase}bench-blank.html`);
    if (p !== null) popup.push(p);
    if (b !== null) blank.push(b);
  }
  await page.close();
  if (popup.length === 0)
    return [
      notMeasured(
        'popup',
        `interactive after opening (${label})`,
        '< 150 ms',
        'the search box never appeared',
      ),
    ];
  const value = distribution(popup);
  const baseline = distribution(blank);
  return [
    {
      section: 'popup',
      figure: `interactive after opening (${label})`,
      unit: 'ms',
      value,
      baseline: { label: 'blank extension page, same method', value: baseline },
      ratio: ratioOf(value, baseline),
      goal: '< 150 ms',
      pass: value.median < 150,
      note: 'from navigation start to the first task after the search box exists; goal judged on the median',
    },
  ];
}

async function popupSearchFigures(
  browser: BenchBrowser,
  titles: string[],
  options: BrowserSuiteOptions,
  label: string,
): Promise<Figure[]> {
  const page = await browser.context.newPage();
  await page.addInitScript(extensionPageWatcher);
  await timeToInteractive(page, `${browser.extensionBase}popup.html`);
  // Wait until the background answers (its index is loaded after the restart).
  await page
    .waitForFunction(
      () =>
        !/\b0\b/.test(
          document.querySelector('[data-testid="ct-search"]')?.getAttribute('placeholder') ?? '0',
        ),
      null,
      {
        timeout: 60_000,
        polling: 200,
      },
    )
    .catch(() => undefined);
  const queries = searchQueries(titles, options.searchQueryCount);
  const times: number[] = [];
  if (queries[0]) await timeToFirstResults(page, queries[0]);
  let missed = 0;
  for (const query of queries) {
    const t = await timeToFirstResults(page, query);
    if (t === null) missed++;
    else times.push(t);
  }
  await page.close();
  const goal = '< 50 ms';
  if (times.length === 0)
    return [
      notMeasured(
        'popup',
        `keystroke → first results painted (${label})`,
        goal,
        'no query showed results',
      ),
    ];
  const value = distribution(times);
  return [
    {
      section: 'popup',
      figure: `keystroke → first results painted (${label})`,
      unit: 'ms',
      value,
      // Filled in by the runner once bench/match.ts has timed the search engine alone.
      baseline: null,
      ratio: null,
      goal,
      pass: value.median < 50,
      note: `${times.length} queries${missed ? `, ${missed} without results in 3 s` : ''}; goal judged on the median`,
    },
  ];
}

/** How long the memory step waits for the sidebar (a restarted worker first rebuilds its state). */
const SIDEBAR_WAIT_MS = 20_000;

async function memoryFigures(
  browser: BenchBrowser,
  tabWith: Tab,
  tabWithout: Tab,
  aiUrl: string | null,
  label: string,
  settleMs: number,
  details: Record<string, unknown>,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (!aiUrl) {
    return [
      notMeasured(
        'memory',
        `heaps (${label})`,
        null,
        'no AI corpus page got a sidebar to measure on',
      ),
    ];
  }
  // The load wakes the worker and, after a restart, waits for it to rebuild its state.
  await loadOnce(tabWith, aiUrl, settleMs);
  const waitStart = performance.now();
  const sidebar = await tabWith.page
    .waitForFunction(
      () =>
        Array.from(document.documentElement.children).some((e) =>
          e.localName.startsWith('crosstalk-sidebar'),
        ),
      null,
      { timeout: SIDEBAR_WAIT_MS, polling: 200 },
    )
    .then(
      () => true,
      () => false,
    );
  const sidebarWaitMs = Math.round(performance.now() - waitStart);
  const worker = await serviceWorkerHeap(tabWith.page, browser.extensionBase!);
  const pageWith = await pageHeap(tabWith);
  await loadOnce(tabWithout, aiUrl, settleMs);
  const pageWithout = await pageHeap(tabWithout);
  const blank = await blankWorkerBaseline(browser);
  details[`memory ${label}`] = {
    worker,
    pageWith,
    pageWithout,
    blankWorker: blank,
    url: aiUrl,
    sidebar,
    sidebarWaitMs,
  };
  figures.push({
    section: 'memory',
    figure: `background JS heap (${label})`,
    unit: 'MB',
    value: worker.usedSize / MB,
    baseline: blank ? { label: 'empty JS heap of an extension page', value: blank / MB } : null,
    ratio: blank ? ratioOf(worker.usedSize, blank) : null,
    goal: null,
    pass: null,
  });
  const diff = (pageWith.usedSize - pageWithout.usedSize) / MB;
  figures.push({
    section: 'memory',
    // Said as measured: a page whose sidebar did not show measures the readers alone.
    figure: `content script JS heap, AI page ${sidebar ? 'with sidebar' : 'without its sidebar (none shown)'} (${label})`,
    unit: 'MB',
    value: diff,
    baseline: { label: "page's own heap, no extension", value: pageWithout.usedSize / MB },
    ratio: ratioOf(diff, pageWithout.usedSize / MB),
    goal: null,
    pass: null,
    note: 'page heap with the extension − without, after GC (the isolated world shares the page isolate)',
  });
  return figures;
}

/** The heap of an extension page that runs nothing: the floor any extension context pays. */
async function blankWorkerBaseline(browser: BenchBrowser): Promise<number | null> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${browser.extensionBase}bench-blank.html`, { waitUntil: 'load' });
    const session = await browser.context.newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    await session.detach();
    return usage.usedSize;
  } catch {
    return null;
  } finally {
    await page.close();
  }
}
