/**
 * The full reading of a page no site adapter reads (read-full.js): the boilerplate-aware
 * extraction of extract.ts, completed with the metadata the first reading of the same page read
 * (reading-handoff.ts), so this script holds no metadata reader. The background runs it only
 * right after a quick reading that showed some sign of AI (or, for the popup, any quick reading).
 * The same reading as readPage for such pages.
 */
import { readGeneric } from './adapters/generic';
import { assembleReading, emptyReading, type ReadingStart } from './assemble';
import { newBudget } from './dom';
import { FINISHED, finishMetadata } from './finish';
import type { AdapterContext } from './adapters/types';
import type { PageReading } from './types';

/**
 * The full reading from `start`, the quick reading's, or null when there is none for this
 * document at this address (the page went on to another route or document since: the reading
 * of that one decides).
 */
export function readGenericFully(
  doc: Document,
  location: string,
  start: ReadingStart | undefined,
): PageReading | null {
  if (!start || start.found || start.ctx.doc !== doc || start.ctx.location !== location) {
    return null;
  }
  const first = start.ctx;
  // The first reading read raw: the metadata is finished here, so this reading is the one readPage
  // gives (not spread: that would run the lazy url getter, which no generic reading needs).
  const ctx: AdapterContext = {
    doc,
    location,
    get url() {
      return first.url;
    },
    meta: finishMetadata(first.meta, location),
    budget: newBudget(),
    finish: FINISHED,
  };
  try {
    return assembleReading(ctx, readGeneric(ctx));
  } catch {
    return emptyReading(location);
  }
}
