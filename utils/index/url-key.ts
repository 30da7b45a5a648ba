/**
 * The key a story URL is stored under, so that the matcher can look a page up
 * by its own URL in one index query.
 *
 * The matcher owns URL canonicalisation (utils/match/canonical-url.ts). Until
 * that module lands, this stand-in normalises the parts every canonical form
 * agrees on. Whatever function is used here must be the one the matcher calls
 * on the page URL, so the switch-over is this one file; stored keys are then
 * re-derived by a Dexie version upgrade (see db.ts, `rederiveStoryRows`).
 */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src)$/i;

export function urlKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...u.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAM.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  const port = u.port ? `:${u.port}` : '';
  return `${host}${port}${path}${query}`;
}
