/**
 * The addresses each site adapter reads, as tests on the URL alone: an
 * adapter's matches() is its address test here (and, for Mastodon, which runs
 * on any instance, a look at the page's markup). The background uses the same
 * tests to choose the reader it injects (read-site.js holds the adapters,
 * read-quick.js only the generic reader), so it imports this module and none
 * of the adapters' reading code.
 */

export const isHackerNewsAddress = (url: URL) => url.hostname === 'news.ycombinator.com';

export const isRedditThreadAddress = (url: URL) =>
  /(?:^|\.)reddit\.com$/.test(url.hostname) && /\/comments\//.test(url.pathname);

export const isArxivAbstractAddress = (url: URL) =>
  /(?:^|\.)arxiv\.org$/.test(url.hostname) && url.pathname.startsWith('/abs/');

export const isBlueskyAddress = (url: URL) => url.hostname === 'bsky.app';

/** /@user/123 or /users/user/statuses/123, on any host (every instance is a Mastodon). */
export const isMastodonStatusAddress = (url: URL) =>
  /^\/(?:@[A-Za-z0-9_.@-]+\/\d{6,}|users\/[A-Za-z0-9_.-]+\/statuses\/\d{6,})\/?$/.test(
    url.pathname,
  );

export const isXAddress = (url: URL) =>
  /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/.test(url.hostname);

export const isLobstersStoryAddress = (url: URL) =>
  url.hostname === 'lobste.rs' && url.pathname.startsWith('/s/');

const ADDRESS_TESTS = [
  isHackerNewsAddress,
  isRedditThreadAddress,
  isArxivAbstractAddress,
  isBlueskyAddress,
  isMastodonStatusAddress,
  isXAddress,
  isLobstersStoryAddress,
];

/** Whether some site adapter may read the page at `href` (else only the generic reader can). */
export function siteAdapterMayRead(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return ADDRESS_TESTS.some((test) => test(url));
}
