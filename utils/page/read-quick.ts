/**
 * The first reading of a page, the one every allowed page pays for (the
 * background injects read-quick.js, built from this, when a page has loaded):
 * the metadata and the quick lead of utils/page/quick-lead.ts. It imports
 * neither the full article extractor nor the site adapters (read-site.ts has
 * those, for the pages they read), so that code is neither shipped nor
 * compiled on most pages; the steps every reading shares live here and in
 * assemble.ts.
 * Read-only, bounded and total: it never writes to the page and never throws.
 */
import { articleKind } from './article-kind';
import type { AdapterContext, AdapterReading, SiteAdapter } from './adapters/types';
import { assembleReading, emptyReading, type ReadingStart } from './assemble';
import { newBudget } from './dom';
import type { TextFinish } from './finish';
import { readMetadata } from './metadata';
import { quickLead } from './quick-lead';
import { MAX_LEAD_CHARS, type PageReading } from './types';

export interface QuickReading {
  reading: PageReading;
  /**
   * True when the generic reader gave the quick lead: enough to rule a page
   * out, not to match it (utils/background/reading-gate.ts). A site adapter's
   * reading is always the full one.
   */
  quick: boolean;
}

function parseUrl(location: string): URL | null {
  try {
    return new URL(location);
  } catch {
    return null;
  }
}

/**
 * Reads the metadata and asks each of `adapters` in turn; may throw on a broken page. The
 * strings are as `finish` makes them (finish.ts).
 */
export function startReading(
  doc: Document,
  location: string,
  adapters: readonly SiteAdapter[],
  finish: TextFinish,
): ReadingStart {
  const meta = readMetadata(doc, location, finish);
  let url: URL | undefined;
  const ctx: AdapterContext = {
    doc,
    // Parsed when an adapter first asks: read-quick.js has none, and the URL interface's first
    // use costs a fresh isolated world a fifth of a millisecond.
    get url() {
      return (url ??= parseUrl(location) ?? new URL('about:blank'));
    },
    location,
    meta,
    budget: newBudget(),
    finish,
  };
  for (const adapter of adapters) {
    try {
      const found = adapter.matches(ctx.url, doc) ? adapter.read(ctx) : null;
      if (found) return { ctx, found };
    } catch {
      // A broken adapter must not break the page: fall through to the next.
    }
  }
  return { ctx, found: null };
}

/** The quick lead of a page no site adapter reads. */
export function readGenericQuick({ doc, meta, finish }: AdapterContext): AdapterReading {
  const lead = quickLead(doc, meta, MAX_LEAD_CHARS, finish);
  return { kind: articleKind(lead, meta), lead };
}

/**
 * The first reading of a page: the reading of the first of `adapters` that reads it (read-site.ts
 * passes the site adapters, read-quick.js none), else the generic reader's quick one, whose start
 * (the metadata) is handed to `keep`. Its strings are as `finish` makes them: read-quick.js
 * reads raw and the background finishes the reading (finish.ts).
 */
export function readPageQuickly(
  doc: Document,
  location: string,
  adapters: readonly SiteAdapter[],
  finish: TextFinish,
  keep?: (start: ReadingStart) => void,
): QuickReading {
  try {
    const start = startReading(doc, location, adapters, finish);
    const { ctx, found } = start;
    if (found) return { reading: assembleReading(ctx, found), quick: false };
    // What the full reading, if the background asks for it, can start from (reading-handoff.ts).
    keep?.(start);
    return { reading: assembleReading(ctx, readGenericQuick(ctx)), quick: true };
  } catch {
    return { reading: emptyReading(location), quick: false };
  }
}
