/**
 * Where the content script runs without being asked: news sites, AI labs'
 * blogs and the forums where AI is discussed. Never mail, banking, search or
 * shopping: a reader's private pages are not ours to read, even locally.
 * Every other site is opt-in from the popup (optional host permission plus a
 * dynamically registered content script), and any default site can be turned
 * off in the options page.
 */
export const DEFAULT_SITES = [
  // Forums and social sites where AI stories are discussed
  'news.ycombinator.com',
  'www.reddit.com',
  'old.reddit.com',
  'new.reddit.com',
  'lobste.rs',
  'arxiv.org',
  'bsky.app',
  'x.com',
  'twitter.com',
  'mastodon.social',
  'huggingface.co',
  // Technology and general news
  'www.theverge.com',
  'arstechnica.com',
  'techcrunch.com',
  'www.wired.com',
  'www.engadget.com',
  'www.technologyreview.com',
  'venturebeat.com',
  'www.404media.co',
  'www.theregister.com',
  'www.zdnet.com',
  'www.cnet.com',
  'www.tomshardware.com',
  'www.androidauthority.com',
  '9to5google.com',
  '9to5mac.com',
  'www.tweaktown.com',
  'www.nytimes.com',
  'www.theguardian.com',
  'www.bbc.com',
  'www.bbc.co.uk',
  'www.reuters.com',
  'apnews.com',
  'www.bloomberg.com',
  'www.ft.com',
  'www.wsj.com',
  'www.washingtonpost.com',
  'www.economist.com',
  'www.axios.com',
  'www.semafor.com',
  'www.cnbc.com',
  'www.heise.de',
  'www.spiegel.de',
  'www.numerama.com',
  'www.lemonde.fr',
  'www.thehindu.com',
  // AI labs and widely read AI writers
  'openai.com',
  'www.anthropic.com',
  'deepmind.google',
  'blog.google',
  'ai.meta.com',
  'mistral.ai',
  'x.ai',
  'simonwillison.net',
  'lilianweng.github.io',
  'garymarcus.substack.com',
  'www.lesswrong.com',
  'www.alignmentforum.org',
  'www.interconnects.ai',
  'www.oneusefulthing.org',
  'www.semianalysis.com',
  'www.zeit.de',
  'www.faz.net',
  'www.lefigaro.fr',
] as const;

export const DEFAULT_SITE_PATTERNS: readonly string[] = DEFAULT_SITES.map(
  (host) => `https://${host}/*`,
);

/** The host a page's location belongs to, lower-cased, for site lists. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function isDefaultSite(host: string): boolean {
  return (DEFAULT_SITES as readonly string[]).includes(host);
}
