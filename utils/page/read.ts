/**
 * readPage: what the background matches a page by. One manager, one adapter
 * per kind of page (site-adapters.ts); the generic article reader, with its
 * boilerplate-aware extraction, answers when no site adapter does. Read-only,
 * bounded and total: it never writes to the page and never throws.
 *
 * In the browser the readings are three scripts, each with only the code its
 * pages need: read-site.js on the pages a site adapter may read, read-quick.js
 * on every other allowed page, and read-full.js only where the quick reading
 * cannot settle the page. readPageQuick gives the two readings from one parse,
 * for the command-line tools.
 */
import { genericAdapter, readGeneric } from './adapters/generic';
import type { SiteAdapter } from './adapters/types';
import { newBudget } from './dom';
import { assembleReading, emptyReading } from './assemble';
import { FINISHED, finishMetadata, finishReading, RAW } from './finish';
import { readGenericQuick, startReading, type QuickReading } from './read-quick';
import { siteAdapters } from './site-adapters';
import type { PageReading } from './types';

export { registerAdapter } from './site-adapters';

/** The registered site adapters, in the order they are asked, then the generic reader. */
export function registeredAdapters(): readonly SiteAdapter[] {
  return [...siteAdapters(), genericAdapter];
}

/** The page as the background matches it: site adapter, or the generic article reader. */
export function readPage(doc: Document, location: string): PageReading {
  try {
    const { ctx, found } = startReading(doc, location, siteAdapters(), FINISHED);
    return assembleReading(ctx, found ?? readGeneric(ctx));
  } catch {
    return emptyReading(location);
  }
}

export interface TwoStepReading extends QuickReading {
  /** The full reading (readPage's), reusing the metadata already read. */
  full(): PageReading;
}

/**
 * The quick reading and, on demand, the full one from the same parse: what the
 * extension does in two scripts, for the evaluation and the benchmarks. Both are
 * as the background keeps them: read raw, then finished (finish.ts).
 */
export function readPageQuick(doc: Document, location: string): TwoStepReading {
  try {
    const { ctx, found } = startReading(doc, location, siteAdapters(), RAW);
    if (found) {
      const page = finishReading(assembleReading(ctx, found));
      return { reading: page, quick: false, full: () => page };
    }
    return {
      reading: finishReading(assembleReading(ctx, readGenericQuick(ctx))),
      quick: true,
      full: () => {
        try {
          const full = {
            ...ctx,
            meta: finishMetadata(ctx.meta, location),
            budget: newBudget(),
            finish: FINISHED,
          };
          return finishReading(assembleReading(full, readGeneric(full)));
        } catch {
          return emptyReading(location);
        }
      },
    };
  } catch {
    const page = emptyReading(location);
    return { reading: page, quick: false, full: () => page };
  }
}
