/**
 * The full reading of a page no site adapter reads (read-full.js): the
 * metadata and the boilerplate-aware extraction of extract.ts. The background
 * runs it only where the quick reading showed some sign of AI, or where the
 * popup asks about the tab; a page a site adapter reads has its full reading
 * from read-site.js already. Same reading as readPage for such pages.
 */
import { readGeneric } from './adapters/generic';
import { assembleReading, emptyReading, startReading } from './read-quick';
import type { PageReading } from './types';

export function readGenericFully(doc: Document, location: string): PageReading {
  try {
    const { ctx } = startReading(doc, location);
    return assembleReading(ctx, readGeneric(ctx));
  } catch {
    return emptyReading(location);
  }
}
