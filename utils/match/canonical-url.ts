/**
 * One canonical form for page and story URLs, so that the many addresses of one
 * document (www. or not, AMP, tracking parameters, old.reddit, x.com vs
 * twitter.com, arXiv pdf vs abs…) compare equal as plain strings.
 *
 * The form is for comparison only, never for display or navigation: it may
 * drop parts a server would need (the Reddit slug, a tweet's user name).
 */
import { parseSimpleUrl, type QueryParams, type UrlParts } from './simple-url';

/** Query parameters that identify a campaign or a referrer, never the document. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  '__s',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'cmpid',
  'ocid',
  'smid',
  'smtyp',
  'sr_share',
  'share',
  'utm',
  'at_medium',
  'at_campaign',
  'ito',
  'spm',
  'rss',
  'src',
  'via',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
]);

/** Parameters that only ask for the AMP rendering of the same document. */
const AMP_PARAMS = new Map<string, (value: string) => boolean>([
  ['amp', () => true],
  ['outputtype', (value) => value.toLowerCase() === 'amp'],
  ['output', (value) => value.toLowerCase() === 'amp'],
  ['format', (value) => value.toLowerCase() === 'amp'],
]);

/**
 * Short parameters that are share markers on some hosts but meaningful on others
 * (`?s=` is WordPress search), so they are dropped per host only.
 */
const SHARE_PARAMS_BY_HOST: { host: RegExp; params: Set<string> }[] = [
  {
    host: /(^|\.)substack\.com$/,
    params: new Set(['s', 'sd', 'r', 'triedredirect', 'publication_id', 'post_id', 'isfreemail']),
  },
  { host: /(^|\.)medium\.com$/, params: new Set(['source', 'sk']) },
  { host: /(^|\.)youtube\.com$/, params: new Set(['si', 'feature', 'pp']) },
  { host: /(^|\.)linkedin\.com$/, params: new Set(['trk', 'trackingid', 'lipi']) },
  { host: /(^|\.)threads\.net$/, params: new Set(['igshid', 'xmt']) },
];

/** Host labels that mark a mobile, AMP or "www" variant of the same site. */
const VARIANT_LABELS = new Set(['www', 'www2', 'm', 'mobile', 'amp']);
const LONGEST_VARIANT_LABEL = 6;

const TWITTER_HOSTS = new Set([
  'twitter.com',
  'x.com',
  'fxtwitter.com',
  'vxtwitter.com',
  'fixupx.com',
  'fixvx.com',
  'nitter.net',
]);

const REDDIT_HOSTS = new Set([
  'reddit.com',
  'old.reddit.com',
  'new.reddit.com',
  'np.reddit.com',
  'i.reddit.com',
]);

/** The hosts with a rule of their own below (besides the AMP caches, see isAmpCacheHost). */
const SPECIAL_HOSTS = new Set([
  'arxiv.org',
  'export.arxiv.org',
  'redd.it',
  ...REDDIT_HOSTS,
  'news.ycombinator.com',
  'bsky.app',
  'staging.bsky.app',
  ...TWITTER_HOSTS,
  'youtu.be',
  'youtube.com',
  'music.youtube.com',
]);

/** New-style arXiv ids (2507.01234) and old-style ones (cs/0112017, math.GT/0309136). */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i;

export function canonicalUrl(url: string): string | null {
  return canonicalize(url, 0);
}

function canonicalize(input: string, depth: number): string | null {
  const parsed = parseUrl(input.trim());
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;

  const host = normaliseHost(parsed.hostname);
  // Most links are on hosts with no rule of their own and a plain path: their
  // path is kept as it is, without cutting it into segments (see plainPath).
  const plain =
    SPECIAL_HOSTS.has(host) || isAmpCacheHost(host) ? null : plainPath(parsed.pathname, host);
  const segments = plain === null ? parsed.pathname.split('/').filter((s) => s.length > 0) : [];

  if (plain === null) {
    // A cached AMP copy on a Google host wraps the real address; unwrap it once.
    if (depth === 0) {
      const wrapped = unwrapAmpCache(host, segments);
      if (wrapped) return canonicalize(wrapped, depth + 1);
    }

    const special =
      arxivUrl(host, segments) ??
      redditUrl(host, segments) ??
      hackerNewsUrl(host, segments, parsed.searchParams) ??
      blueskyUrl(host, segments) ??
      twitterUrl(host, segments) ??
      youtubeUrl(host, segments, parsed.searchParams);
    if (special) return special;
  }

  const path = plain ?? normalisePath(segments, host);
  const query = normaliseQuery(parsed.searchParams, host);
  const port =
    parsed.port && parsed.port !== '80' && parsed.port !== '443' ? `:${parsed.port}` : '';
  // A query on a site root needs the root's slash to stay a well-formed address.
  return `https://${host}${port}${path || (query ? '/' : '')}${query}`;
}

/** Most story links are plain addresses read without the URL parser (see simple-url.ts). */
function parseUrl(input: string): UrlParts | null {
  const simple = parseSimpleUrl(input);
  if (simple) return simple;
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

function normaliseHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  // Most hosts have no variant label to drop: seen from the first two labels alone.
  const firstDot = lower.indexOf('.');
  if (firstDot > 0 && !lower.endsWith('.')) {
    const variantFirst =
      firstDot <= LONGEST_VARIANT_LABEL && VARIANT_LABELS.has(lower.slice(0, firstDot));
    if (!variantFirst && !lower.startsWith('m.', firstDot + 1)) return lower;
  }
  const labels = lower.replace(/\.$/, '').split('.');
  // Drop variant labels from the front, and a mobile label after a language one
  // (en.m.wikipedia.org), while at least a registrable name remains.
  while (labels.length > 2 && VARIANT_LABELS.has(labels[0] ?? '')) labels.shift();
  if (labels.length > 3 && labels[1] === 'm') labels.splice(1, 1);
  return labels.join('.');
}

/** A host whose addresses may wrap another (see unwrapAmpCache). */
function isAmpCacheHost(host: string): boolean {
  return /^google\.[a-z.]+$/.test(host) || host.endsWith('.cdn.ampproject.org');
}

/**
 * normalisePath's answer, worked out without cutting the path into segments,
 * for a path that gives no rule anything to do: no "amp" anywhere in it, no
 * empty segment but at its end, on a host other than GitHub. Otherwise null.
 */
function plainPath(pathname: string, host: string): string | null {
  if (host === 'github.com' || /amp/i.test(pathname)) return null;
  let end = pathname.length;
  while (end > 0 && pathname.charCodeAt(end - 1) === 47) end--;
  if (end === 0) return '';
  if (pathname.charCodeAt(0) !== 47 || pathname.includes('//')) return null;
  return end === pathname.length ? pathname : pathname.slice(0, end);
}

function unwrapAmpCache(host: string, segments: string[]): string | null {
  // google.com/amp/s/example.com/story → https://example.com/story
  if (/^google\.[a-z.]+$/.test(host) && segments[0] === 'amp') {
    const secure = segments[1] === 's';
    const rest = segments.slice(secure ? 2 : 1).join('/');
    return rest ? `${secure ? 'https' : 'http'}://${rest}` : null;
  }
  // example-com.cdn.ampproject.org/c/s/example.com/story
  if (host.endsWith('.cdn.ampproject.org') && (segments[0] === 'c' || segments[0] === 'v')) {
    const secure = segments[1] === 's';
    const rest = segments.slice(secure ? 2 : 1).join('/');
    return rest ? `${secure ? 'https' : 'http'}://${rest}` : null;
  }
  return null;
}

function arxivUrl(host: string, segments: string[]): string | null {
  if (host !== 'arxiv.org' && host !== 'export.arxiv.org') return null;
  const [kind, ...rest] = segments;
  if (!kind || !['abs', 'pdf', 'html', 'format', 'ps'].includes(kind) || rest.length === 0) {
    return null;
  }
  const raw = rest.join('/').replace(/\.pdf$/i, '');
  const match = ARXIV_ID.exec(raw);
  return match ? `https://arxiv.org/abs/${match[1]?.toLowerCase()}` : null;
}

function redditUrl(host: string, segments: string[]): string | null {
  if (host === 'redd.it' && segments[0])
    return `https://reddit.com/comments/${segments[0].toLowerCase()}`;
  if (!REDDIT_HOSTS.has(host)) return null;
  const comments = segments.indexOf('comments');
  // /r/<sub>/comments/<id>/<slug>/, /user/<u>/comments/<id>/, /comments/<id>
  if (comments >= 0 && comments <= 2 && segments[comments + 1]) {
    return `https://reddit.com/comments/${segments[comments + 1]?.toLowerCase()}`;
  }
  // Subreddit and user names are case-insensitive on Reddit.
  const path = segments.length > 0 ? `/${segments.join('/').toLowerCase()}` : '';
  return `https://reddit.com${path}`;
}

function hackerNewsUrl(host: string, segments: string[], params: QueryParams): string | null {
  if (host !== 'news.ycombinator.com') return null;
  if (segments[0] !== 'item') return null;
  const id = params.get('id');
  return id && /^\d+$/.test(id) ? `https://news.ycombinator.com/item?id=${id}` : null;
}

function blueskyUrl(host: string, segments: string[]): string | null {
  if (host !== 'bsky.app' && host !== 'staging.bsky.app') return null;
  const [profile, actor, post, rkey] = segments;
  if (profile !== 'profile' || !actor) return null;
  // Handles are case-insensitive; DIDs are not touched beyond that.
  const who = actor.startsWith('did:') ? actor : actor.toLowerCase();
  if (post === 'post' && rkey) return `https://bsky.app/profile/${who}/post/${rkey}`;
  if (segments.length === 2) return `https://bsky.app/profile/${who}`;
  return null;
}

function twitterUrl(host: string, segments: string[]): string | null {
  if (!TWITTER_HOSTS.has(host)) return null;
  // /<user>/status/<id>[/photo/1], /i/web/status/<id>, /i/status/<id>
  const at = segments.findIndex((s) => s === 'status' || s === 'statuses');
  const id = at >= 0 ? segments[at + 1] : undefined;
  if (id && /^\d+$/.test(id)) return `https://x.com/i/status/${id}`;
  const path = segments.length > 0 ? `/${segments.join('/').toLowerCase()}` : '';
  return `https://x.com${path}`;
}

function youtubeUrl(host: string, segments: string[], params: QueryParams): string | null {
  if (host === 'youtu.be' && segments[0]) return `https://youtube.com/watch?v=${segments[0]}`;
  if (host !== 'youtube.com' && host !== 'music.youtube.com') return null;
  const v = params.get('v');
  if (segments[0] === 'watch' && v) return `https://youtube.com/watch?v=${v}`;
  if (
    (segments[0] === 'shorts' || segments[0] === 'live' || segments[0] === 'embed') &&
    segments[1]
  ) {
    return `https://youtube.com/watch?v=${segments[1]}`;
  }
  return null;
}

function normalisePath(segments: string[], host: string): string {
  const kept = segments.filter(
    (s, i) => !(s.toLowerCase() === 'amp' && (i > 0 || segments.length > 1)),
  );
  const last = kept.length - 1;
  if (last >= 0) {
    const tail = kept[last] ?? '';
    // article.amp.html → article.html; article.amp → article
    kept[last] = tail.replace(/\.amp(\.html?)$/i, '$1').replace(/\.amp$/i, '');
    if (kept[last] === '') kept.pop();
  }
  // GitHub owners and repositories are case-insensitive.
  if (host === 'github.com') {
    for (let i = 0; i < Math.min(2, kept.length); i++) kept[i] = (kept[i] ?? '').toLowerCase();
  }
  return kept.length > 0 ? `/${kept.join('/')}` : '';
}

function normaliseQuery(params: QueryParams, host: string): string {
  // Looked up only for a query (most links have none): five host patterns to test.
  let shareParams: Set<string> | undefined | null = null;
  const kept: [string, string][] = [];
  for (const [key, value] of params) {
    shareParams ??= SHARE_PARAMS_BY_HOST.find((entry) => entry.host.test(host))?.params;
    const lower = key.toLowerCase();
    if (lower.startsWith('utm_') || lower.startsWith('__twitter') || lower.startsWith('hsa_'))
      continue;
    if (TRACKING_PARAMS.has(lower)) continue;
    if (shareParams?.has(lower)) continue;
    const isAmp = AMP_PARAMS.get(lower);
    if (isAmp && isAmp(value)) continue;
    kept.push([key, value]);
  }
  if (kept.length === 0) return '';
  // The order of parameters never changes the document.
  kept.sort((a, b) => (a[0] === b[0] ? cmp(a[1], b[1]) : cmp(a[0], b[0])));
  return `?${new URLSearchParams(kept).toString()}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
