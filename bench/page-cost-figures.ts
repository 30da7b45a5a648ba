/** The page-cost and read+classify samples turned into table rows. */
import type { PageCostSample } from './page-cost';
import type { Figure } from './report';
import { notMeasured, ratioOf } from './report';
import { bootstrapMedianCI, distribution, median, round } from './stats';

/** One figure per page: the median over its repeated loads. */
const perPage = (xs: number[]) => median(xs);

export function pageCostFigures(samples: readonly PageCostSample[], labelSource: string): Figure[] {
  const figures: Figure[] = [];
  const ok = samples.filter((s) => !s.error && s.with.length > 0 && s.without.length > 0);
  for (const ai of [true, false]) {
    const kind = ai ? 'AI pages' : 'non-AI pages';
    const group = ok.filter((s) => s.ai === ai);
    if (group.length === 0) {
      figures.push(
        notMeasured(
          'page cost',
          `extension main-thread time, ${kind}`,
          '< 5 ms median',
          'no page loaded',
        ),
      );
      continue;
    }
    const extra = group.map((s) => perPage(s.with.map((l) => l.extensionMs)));
    // The readers alone: what a page pays to be read, before any UI is injected.
    const readersOnly = distribution(
      group.map((s) => perPage(s.with.map((l) => l.extensionMs - l.sidebarMs))),
    );
    const fullRead = group.filter((s) => s.with.some((l) => l.fullReadMs > 0));
    const pageOwn = group.map((s) => perPage(s.without.map((l) => l.busyMs)));
    const busyDiff = group.map((s, i) => perPage(s.with.map((l) => l.busyMs)) - pageOwn[i]!);
    const busyVsEmpty = group
      .filter((s) => (s.control?.length ?? 0) > 0)
      .map((s) => perPage(s.with.map((l) => l.busyMs)) - perPage(s.control!.map((l) => l.busyMs)));
    const sidebars = group.filter((s) => s.with.some((l) => l.sidebar)).length;
    const reloaded = group.reduce((n, s) => n + (s.reloaded ?? 0), 0);
    const extraD = distribution(extra);
    const ownD = distribution(pageOwn);
    figures.push({
      section: 'page cost',
      figure: `extension main-thread time, ${kind}`,
      unit: 'ms',
      value: extraD,
      baseline: { label: "page's own main-thread time, no extension", value: ownD },
      ratio: ratioOf(extraD, ownD),
      goal: '< 5 ms median',
      pass: extraD.median < 5,
      note:
        `${group.length} pages (labels: ${labelSource}); sidebar shown on ${sidebars}; ` +
        `the readers alone (sidebar.js's samples left out) median ${round(readersOnly.median, 1)} ms, p95 ${round(readersOnly.p95, 1)} ms; ` +
        `read-full.js ran on ${fullRead.length} (median ${round(distribution(fullRead.map((s) => perPage(s.with.map((l) => l.fullReadMs)))).median, 1)} ms there); ` +
        `whole-thread busy time with − without: median ${round(median(busyDiff), 1)} ms` +
        (busyVsEmpty.length
          ? ` (with − an empty extension: ${round(median(busyVsEmpty), 1)} ms)`
          : '') +
        '; ' +
        `${reloaded} load(s) repeated because the profile held no sample of the extension`,
    });
    const loadDiff = group.map(
      (s) => perPage(s.with.map((l) => l.loadMs)) - perPage(s.without.map((l) => l.loadMs)),
    );
    const loadBase = distribution(group.map((s) => perPage(s.without.map((l) => l.loadMs))));
    const diffD = distribution(loadDiff);
    const [lo, hi] = bootstrapMedianCI(loadDiff);
    const measurable = lo > 0 || hi < 0;
    // The control: the same pages in a browser with an empty extension.
    const controlled = group.filter((s) => (s.control?.length ?? 0) > 0);
    let controlNote = '';
    if (controlled.length > 0) {
      const vsEmpty = controlled.map(
        (s) => perPage(s.with.map((l) => l.loadMs)) - perPage(s.control!.map((l) => l.loadMs)),
      );
      const emptyVsNone = controlled.map(
        (s) => perPage(s.control!.map((l) => l.loadMs)) - perPage(s.without.map((l) => l.loadMs)),
      );
      const [clo, chi] = bootstrapMedianCI(vsEmpty);
      const [elo, ehi] = bootstrapMedianCI(emptyVsNone);
      controlNote =
        `; control (${controlled.length} pages, the same pages in a browser with an empty extension): ` +
        `Crosstalk − empty extension median ${round(median(vsEmpty), 1)} ms (95% CI [${round(clo, 1)}, ${round(chi, 1)}]), ` +
        `empty extension − none median ${round(median(emptyVsNone), 1)} ms (95% CI [${round(elo, 1)}, ${round(ehi, 1)}])`;
    }
    figures.push({
      section: 'page cost',
      figure: `load time (loadEventEnd) with − without, ${kind}`,
      unit: 'ms',
      value: diffD,
      baseline: { label: 'loadEventEnd without extension', value: loadBase },
      ratio: ratioOf(diffD, loadBase),
      goal: ai ? null : 'no measurable difference',
      pass: ai ? null : !measurable,
      note: `95% bootstrap CI of the median paired difference [${round(lo, 1)}, ${round(hi, 1)}] ms${measurable ? ' excludes 0' : ' includes 0'}${controlNote}`,
    });
  }
  return figures;
}

export function readClassifyFigures(
  samples: readonly PageCostSample[],
  oursMissing: string | null,
): Figure[] {
  const read = samples.flatMap((s) => (s.read ? [s.read] : []));
  const goal = '< 5 ms median, < 20 ms p95';
  if (read.length === 0) {
    return [
      notMeasured(
        'read+classify',
        'readPage + classifyText per page (Chromium main thread)',
        goal,
        'no page measured',
      ),
    ];
  }
  const base = distribution(read.map((r) => r.readabilityMs));
  if (oursMissing) {
    return [
      {
        ...notMeasured(
          'read+classify',
          'readPage + classifyText per page (Chromium main thread)',
          goal,
          oursMissing,
        ),
        baseline: { label: 'Readability.parse (same pages)', value: base },
      },
    ];
  }
  // Each page as the product meets it: read cold by the page scripts on the page's main thread
  // (measured in the browser without the extension, so nothing else runs there), and classified
  // by the background on the worker's thread, as it ran during the page's load with the
  // extension (the worker's own User Timing measures: the quick reading's, and the full
  // reading's where there was one).
  const perPage = samples.flatMap((s) => {
    const readMs = s.read?.readMs;
    const worker = s.with[0]?.workerClassifyMs;
    if (readMs == null || !worker || worker.length === 0) return [];
    const classifyMs = worker.reduce((a, b) => a + b, 0);
    return [{ readMs, classifyMs, totalMs: readMs + classifyMs }];
  });
  if (perPage.length === 0) {
    return [
      {
        ...notMeasured(
          'read+classify',
          'reading on the page + classifying in the background per page',
          goal,
          'the service worker gave no classify measures',
        ),
        baseline: { label: 'Readability.parse (same pages)', value: base },
      },
    ];
  }
  const ours = distribution(perPage.map((p) => p.totalMs));
  const readOnly = distribution(perPage.map((p) => p.readMs));
  const workerClassify = distribution(perPage.map((p) => p.classifyMs));
  const inPage = distribution(read.flatMap((r) => (r.classifyMs === null ? [] : [r.classifyMs])));
  const cold = distribution(
    read.flatMap((r) => (r.coldClassifyMs == null ? [] : [r.coldClassifyMs])),
  );
  const fullReads = read.filter((r) => r.fullRead === true).length;
  const measured = read.filter((r) => r.fullRead != null).length;
  return [
    {
      section: 'read+classify',
      figure:
        'reading (cold, page main thread: quick, then full when needed) + classifying (background worker, as it ran) per page',
      unit: 'ms',
      value: ours,
      baseline: { label: 'Readability.parse (same pages)', value: base },
      ratio: ratioOf(ours, base),
      goal,
      pass: ours.median < 5 && ours.p95 < 20,
      note: `n=${perPage.length} pages with both parts; ${fullReads} of ${measured} needed the full reading after the quick one. Reading median ${round(readOnly.median)} ms (p95 ${round(readOnly.p95)}); classifying in the worker median ${round(workerClassify.median)} ms (p95 ${round(workerClassify.p95)}). For comparison, classifying in a fresh page realm warmed by one sentence: median ${round(inPage.median)} ms (p95 ${round(inPage.p95)}); classifyText's first call there (compiling its lexicon) median ${round(cold.median)} ms`,
    },
  ];
}
