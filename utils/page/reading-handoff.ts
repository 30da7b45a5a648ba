/**
 * read-quick.js (or read-site.js) hands read-full.js what it already read, the metadata, through
 * the global object of the extension's isolated world, which the page cannot see. The background
 * runs read-full.js only after a first reading of the same page that could not settle it, so the
 * metadata is read once and read-full.js carries no metadata reader at all. read-full.js takes
 * the start (nothing is kept once the page is read in full) and refuses one of another document
 * or address (read-full.ts).
 */
import type { ReadingStart } from './assemble';

const HANDOFF_KEY = '__crosstalkReadingStart';

export function keepReadingStart(start: ReadingStart): void {
  (globalThis as Record<string, unknown>)[HANDOFF_KEY] = start;
}

export function takeReadingStart(): ReadingStart | undefined {
  const scope = globalThis as Record<string, unknown>;
  const start = scope[HANDOFF_KEY] as ReadingStart | undefined;
  delete scope[HANDOFF_KEY];
  return start;
}
