/**
 * URL forms. `linkKey` is the grouping key (two posts that link the same page
 * share it); `cleanUrl` is the form written into the index (tracking
 * parameters and fragments removed, nothing else touched).
 */

const TRACKING = /^(utm_|ref$|ref_src$|source$|fbclid$|gclid$|mc_cid$|mc_eid$|s$|si$|smid$)/i;

export function cleanUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  return u.toString();
}

/**
 * A key that is equal for the same page however it was linked: scheme, "www.",
 * "m." and the trailing slash dropped; arXiv abs/pdf/html and versions folded
 * into one id; only the query parameters that name a page (YouTube's v, HN's id)
 * kept. A site's home page is no story, so it has no key.
 */
export function linkKey(raw: string | undefined): string | null {
  if (!raw) return null;
  const clean = cleanUrl(raw);
  if (!clean) return null;
  const u = new URL(clean);
  const host = u.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.)/, '');
  const arxiv =
    /^\/(abs|pdf|html)\/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(v\d+)?(\.pdf)?\/?$/i.exec(
      u.pathname,
    );
  if (host.endsWith('arxiv.org') && arxiv) return `arxiv.org/abs/${arxiv[2]}`;
  if (host === 'youtu.be') return `youtube.com/watch?v=${u.pathname.slice(1)}`;
  const path = u.pathname.replace(/\/+$/, '').replace(/\/index\.html?$/i, '');
  const keep = host === 'youtube.com' ? 'v' : host === 'news.ycombinator.com' ? 'id' : null;
  const q = keep && u.searchParams.get(keep) ? `?${keep}=${u.searchParams.get(keep)}` : '';
  if (!path && !q) return null;
  return `${host}${path}${q}`;
}
