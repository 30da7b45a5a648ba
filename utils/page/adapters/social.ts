/** Helpers shared by the adapters for short social posts (Bluesky, Mastodon, X). */
import { clean, httpUrl } from '../dom';
import { MAX_TITLE_CHARS } from '../types';

const POST_TITLE_CHARS = 200;

/** A post has no title: its first words stand in for one. */
export function postTitle(text: string, fallback: string): string {
  const t = clean(text, MAX_TITLE_CHARS);
  if (!t) return fallback;
  if (t.length <= POST_TITLE_CHARS) return t;
  const cut = t.slice(0, POST_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > 80 ? cut.slice(0, space) : cut}…`;
}

/**
 * The first link in a post that leaves the platform, ignoring mentions,
 * hashtags and the platform's own short-link wrappers.
 */
export function firstOutboundLink(
  root: ParentNode | null,
  base: string,
  ownHosts: RegExp,
): string | null {
  if (!root) return null;
  const links = root.querySelectorAll('a[href]');
  for (let i = 0; i < links.length && i < 30; i++) {
    const a = links[i]!;
    const rel = a.getAttribute('rel') ?? '';
    const cls = a.getAttribute('class') ?? '';
    if (/\btag\b/.test(rel) || /mention|hashtag/.test(cls)) continue;
    // X and Mastodon put the real address in an attribute or the link text.
    const expanded = a.getAttribute('data-expanded-url') ?? a.getAttribute('title');
    const href = httpUrl(
      expanded && /^https?:/.test(expanded) ? expanded : a.getAttribute('href'),
      base,
    );
    if (!href) continue;
    try {
      const host = new URL(href).hostname;
      if (!ownHosts.test(host)) return href;
    } catch {
      // not a URL
    }
  }
  return null;
}

/** A bare http(s) address written in a post's text, when no link element carries it. */
export function firstUrlInText(text: string, ownHosts: RegExp): string | null {
  const re = /https?:\/\/[^\s<>"']+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const href = httpUrl(m[0].replace(/[.,;:!?)…]+$/, ''), 'https://invalid.invalid/');
    if (!href) continue;
    try {
      if (!ownHosts.test(new URL(href).hostname)) return href;
    } catch {
      // not a URL
    }
  }
  return null;
}
