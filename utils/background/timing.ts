/**
 * User Timing measures of the background's own work, so its cost on the worker's thread can be
 * read where it happens: DevTools' Performance panel shows them, and `npm run bench` reads them
 * from the service worker (bench/page-cost.ts) instead of estimating them in a page.
 */

/** One entry per page reading classified (utils/topic/page.ts's classifyPage). */
export const CLASSIFY_MEASURE = 'crosstalk:classify';

/** Entries of one name kept at most: a long-lived worker must not grow a timeline. */
const MAX_KEPT = 100;

/** Runs `work` and records how long it took as a measure named `name`. */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    try {
      if (performance.getEntriesByName(name, 'measure').length >= MAX_KEPT) {
        performance.clearMeasures(name);
      }
      performance.measure(name, { start, end: performance.now() });
    } catch {
      // A runtime without User Timing Level 3 records nothing; the work itself is done.
    }
  }
}
