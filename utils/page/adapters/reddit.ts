/**
 * Reddit threads, in all three layouts still served: the current one
 * (<shreddit-post> custom elements), the 2018 redesign (data-test-id
 * attributes) and old.reddit.com (.thing.link). A link post's outbound URL is
 * the discussed link; self, image and video posts discuss nothing elsewhere.
 */
import { clean, first, httpUrl, textOf, type Budget } from '../dom';
import { MAX_LEAD_CHARS, MAX_TITLE_CHARS } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';
import { isRedditThreadAddress } from './addresses';

const MAX_COMMENTS = 10;

function isRedditHost(host: string): boolean {
  return /(?:^|\.)(?:reddit\.com|redd\.it|redditmedia\.com|redditstatic\.com)$/.test(host);
}

/** An outbound link, or null when it points back into Reddit. */
function outbound(href: string | null | undefined, base: string): string | null {
  const abs = httpUrl(href, base);
  if (!abs) return null;
  try {
    return isRedditHost(new URL(abs).hostname) ? null : abs;
  } catch {
    return null;
  }
}

function subredditOf(url: URL): string | null {
  const m = /^\/r\/([A-Za-z0-9_]{2,32})/.exec(url.pathname);
  return m ? `r/${m[1]}` : null;
}

function comments(doc: Document, selector: string, budget: Budget): string[] {
  const found = doc.querySelectorAll(selector);
  const out: string[] = [];
  for (let i = 0; i < found.length && i < MAX_COMMENTS; i++)
    out.push(textOf(found[i], 600, budget));
  return out;
}

function lead(parts: string[]): string {
  return clean(parts.filter(Boolean).join('\n'), MAX_LEAD_CHARS);
}

function readShreddit({ doc, url, budget }: AdapterContext): AdapterReading | null {
  const post = doc.querySelector('shreddit-post');
  if (!post) return null;
  const title = clean(post.getAttribute('post-title'), MAX_TITLE_CHARS);
  const body = textOf(post.querySelector('[slot="text-body"]'), MAX_LEAD_CHARS, budget);
  return {
    kind: 'reddit',
    title,
    discussedUrl: outbound(post.getAttribute('content-href'), url.href),
    lead: lead([body, ...comments(doc, 'shreddit-comment [slot="comment"]', budget)]),
    siteName: post.getAttribute('subreddit-prefixed-name') ?? subredditOf(url),
  };
}

function readRedesign({ doc, url, budget, meta }: AdapterContext): AdapterReading | null {
  const content = doc.querySelector('[data-test-id="post-content"]');
  if (!content) return null;
  const h1 = content.querySelector('h1') ?? doc.querySelector('h1');
  const link = first(content, ['a[data-testid="outbound-link"]', 'a.styled-outbound-link']);
  const body = textOf(
    first(content, ['[data-click-id="text"]', '.RichTextJSON-root']),
    MAX_LEAD_CHARS,
    budget,
  );
  return {
    kind: 'reddit',
    title: clean(textOf(h1, MAX_TITLE_CHARS, budget), MAX_TITLE_CHARS) || meta.title,
    discussedUrl: outbound(link?.getAttribute('href'), url.href),
    lead: lead([body, ...comments(doc, '[data-testid="comment"]', budget)]),
    siteName: subredditOf(url),
  };
}

function readOld({ doc, url, budget }: AdapterContext): AdapterReading | null {
  const thing = doc.querySelector('#siteTable .thing.link, .thing.link');
  if (!thing) return null;
  const titleLink = thing.querySelector('a.title');
  const body = textOf(thing.querySelector('.expando .usertext-body .md'), MAX_LEAD_CHARS, budget);
  const sub = thing.getAttribute('data-subreddit');
  return {
    kind: 'reddit',
    title: clean(textOf(titleLink, MAX_TITLE_CHARS, budget), MAX_TITLE_CHARS),
    discussedUrl: outbound(
      thing.getAttribute('data-url') ?? titleLink?.getAttribute('href'),
      url.href,
    ),
    lead: lead([body, ...comments(doc, '.commentarea .usertext-body .md', budget)]),
    siteName: sub ? `r/${sub}` : subredditOf(url),
  };
}

export const redditAdapter: SiteAdapter = {
  name: 'reddit',
  matches: isRedditThreadAddress,
  read: (ctx) => readShreddit(ctx) ?? readRedesign(ctx) ?? readOld(ctx),
};
