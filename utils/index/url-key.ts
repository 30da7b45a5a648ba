/**
 * The key a story URL is stored under, so that the matcher can look a page up
 * by its own URL in one index query: the matcher's canonical form, so both
 * sides compare the same strings. A URL it cannot canonicalise is kept as is.
 *
 * If the canonical form changes in a release, stored keys go stale: re-derive
 * them in a Dexie version upgrade (db.ts, `rederiveStoryRows`).
 */
import { canonicalUrl } from '../match/canonical-url';

export function urlKey(url: string): string {
  return canonicalUrl(url) ?? url;
}
