/**
 * Bounded, read-only DOM helpers for reading untrusted pages. Nothing here
 * recurses (a page can nest 10,000 elements deep), nothing reads more than it
 * was asked for (a page can be 20 MB), and nothing writes to the page.
 */
import { MAX_URL_CHARS } from './types';

/** Most elements any one reading of a page may visit. */
export const MAX_NODES = 30_000;

/** Elements whose text is never page content. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'BUTTON',
  'HEAD',
  'svg',
]);

/** A shared allowance of elements to visit, so one reading stays bounded overall. */
export interface Budget {
  nodes: number;
}

export function newBudget(nodes = MAX_NODES): Budget {
  return { nodes };
}

export function tagOf(node: Node): string {
  return (node as Element).tagName ?? '';
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

/** Finds the next whitespace from its lastIndex (clean sets it before each exec). */
const NEXT_SPACE = /\s/g;

/**
 * Whitespace collapsed to single spaces, trimmed, cut to max characters at a
 * word boundary. Reads only as far into the input as the output needs, in
 * slices handled by the engine's native replace (a word-by-word loop in JS
 * cost more than the rest of a page's reading).
 */
export function clean(text: string | null | undefined, max: number): string {
  if (!text || max <= 0) return '';
  let out = '';
  // Slices end inside a run of non-space characters only at the input's end,
  // so a word is never split between two slices.
  const step = Math.max(256, max * 2);
  let at = 0;
  while (at < text.length && out.length <= max) {
    let end = Math.min(text.length, at + step);
    // The next whitespace at or after end, found natively: a test per character runs
    // interpreted on a fresh page and cost more than the slice's replace (CJK text has
    // hundreds of characters between spaces).
    if (end < text.length) {
      NEXT_SPACE.lastIndex = end;
      end = NEXT_SPACE.exec(text)?.index ?? text.length;
    }
    const piece = text.slice(at, end).replace(/\s+/g, ' ');
    out = out.endsWith(' ') && piece.startsWith(' ') ? out + piece.slice(1) : out + piece;
    at = end;
  }
  out = out.trim();
  if (out.length <= max) return out;
  // Cut at the last word boundary that fits; a single word longer than max is cut inside.
  const cut = out.lastIndexOf(' ', max);
  return cut > 0 ? out.slice(0, cut) : out.slice(0, max);
}

/** What a walk visitor may answer: false skips the node's children, STOP ends the walk. */
export const STOP = 'stop';

/**
 * Pre-order walk of the subtree under root, without recursion: calls visit
 * for each node (root excluded); visit returns false to skip a node's
 * children, or STOP to end the walk. Stops when the budget runs out.
 */
export function walk(
  root: Node,
  budget: Budget,
  visit: (node: Node) => boolean | void | typeof STOP,
): void {
  let node: Node | null = root.firstChild;
  while (node && budget.nodes > 0) {
    budget.nodes--;
    const answer = visit(node);
    if (answer === STOP) return;
    if (answer !== false && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
}

/** Descendants that make an element's textContent differ from its visible text. */
const NOT_PLAIN = `${[...new Set([...SKIP_TAGS].map((t) => t.toLowerCase()))].join(',')},[hidden],[aria-hidden="true"],[style],br,p,div,li,td,th,tr,h1,h2,h3,h4,h5,h6,section,article,blockquote,pre,dd,dt,figcaption`;

/**
 * The visible-ish text under an element, capped in characters and in nodes
 * visited. Skips scripts, styles, frames, form controls and hidden elements.
 * An element with none of those inside (most paragraphs and links) is read
 * with the engine's own textContent, one native call instead of a walk.
 */
export function textOf(root: Node | null | undefined, max: number, budget: Budget): string {
  return clean(rawTextOf(root, max, budget), max);
}

/**
 * textOf's text before cleaning: whitespace as the page has it, at least max characters of it
 * where the element has that many (so cleaning it gives textOf's text, whitespace allowing).
 */
export function rawTextOf(root: Node | null | undefined, max: number, budget: Budget): string {
  if (!root) return '';
  // No child elements means no descendant can be one of NOT_PLAIN: skip the selector match
  // (most paragraphs hold only text).
  if (isElement(root) && (root.firstElementChild === null || !root.querySelector(NOT_PLAIN))) {
    budget.nodes -= root.childNodes.length + 1;
    return root.textContent ?? '';
  }
  const parts: string[] = [];
  let length = 0;
  walk(root, budget, (node) => {
    if (length >= max) return STOP;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      if (t) {
        parts.push(t);
        length += t.length;
      }
      return false;
    }
    if (!isElement(node)) return false;
    if (SKIP_TAGS.has(node.tagName) || isHidden(node)) return false;
    // Block boundaries become spaces so words do not run together.
    if (BLOCK_TAGS.has(node.tagName) && parts[parts.length - 1] !== ' ') parts.push(' ');
    return true;
  });
  return parts.join('');
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'TD',
  'TH',
  'BR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'DD',
  'DT',
  'FIGCAPTION',
]);

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** First element matching any of the selectors, in selector order. */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    try {
      const el = root.querySelector(sel);
      if (el) return el;
    } catch {
      // A selector the DOM implementation does not support: try the next.
    }
  }
  return null;
}

const MAX_META_TAGS = 400;

/**
 * The page's <meta> tags by property or name (lower-cased), first value
 * wins, for the given keys only, read in one query instead of one
 * whole-document search per key. A tag whose key is not wanted is left
 * before its value is read: pages carry up to hundreds of <meta> tags, and on
 * a fresh page each attribute read runs interpreted. (A selector naming the
 * keys was tried and cost more: Chromium matches every element of the page
 * against each of its clauses.)
 * Some sites (Bluesky) put the value in a `value` attribute, not `content`.
 * Built afresh for each reading: single-page sites change their tags.
 */
export function metaTags(doc: Document, keys: ReadonlySet<string>): Map<string, string> {
  const map = new Map<string, string>();
  const tags = doc.querySelectorAll('meta');
  for (let i = 0; i < tags.length && i < MAX_META_TAGS; i++) {
    const el = tags[i]!;
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
    if (!keys.has(key) || map.has(key)) continue;
    const value = el.getAttribute('content') ?? el.getAttribute('value');
    if (value && value.trim()) map.set(key, value);
  }
  return map;
}

/** The first of the keys that the page's <meta> tags define. */
export function pick(tags: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key.toLowerCase());
    if (value) return value;
  }
  return null;
}

/** An absolute http(s) URL, or null: other schemes are never followed. */
export function httpUrl(href: string | null | undefined, base: string): string | null {
  if (!href || href.length > MAX_URL_CHARS) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // A page can declare an address of any length; past the cap it is dropped, not cut.
    return u.href.length <= MAX_URL_CHARS ? u.href : null;
  } catch {
    return null;
  }
}
