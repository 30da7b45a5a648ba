/**
 * Mutations of real saved pages for the page-reader fuzz (tests/unit/page-fuzz.test.ts and
 * `npm run fuzz`): what a hostile or broken page can hand the content script. Each mutation is
 * driven by a seeded generator, so a failing case is reproduced by its seed and run number.
 */
import { parseHTML } from 'linkedom';

import { pick, seededRng, type Rng } from './seeded-rng';

export { seededRng, type Rng };
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** Strings a page may carry that trip naive text handling. */
const ODD_TEXT = [
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u0301'.repeat(1000),
  'e\u0301\u0302\u0303\u0304',
  '\uFFFD',
  '\u{1F600}',
  'ｇｐｔ－５',
  'Ⅰ',
  '\r\n\t\v\f',
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '&amp;&lt;&#0;&#x110000;&#xD800;',
  'javascript:alert(1)',
  ']]>',
  '<!--',
];

export interface MutatedPage {
  html: string | null;
  /** Applied after parsing, for what markup cannot express cheaply (deep trees, huge values). */
  domMutations: ((doc: Document, rng: Rng) => void)[];
  location: string;
  names: string[];
}

type StringMutation = (html: string, rng: Rng) => string;
type DomMutation = (doc: Document, rng: Rng) => void;

const stringMutations: Record<string, StringMutation> = {
  truncate: (html, rng) => html.slice(0, int(rng, 0, html.length)),
  dropHead: (html) => html.replace(/<head[\s>][\s\S]*?<\/head>/i, ''),
  dropHtmlAndHeadTags: (html) => html.replace(/<\/?(?:html|head|body)\b[^>]*>/gi, ''),
  insertOddText: (html, rng) => {
    let out = html;
    for (let i = 0, n = int(rng, 1, 20); i < n; i++) {
      const at = int(rng, 0, out.length);
      out = out.slice(0, at) + pick(rng, ODD_TEXT) + out.slice(at);
    }
    return out;
  },
  // Bytes read in the wrong encoding: what a page with a lying charset looks like.
  wrongEncoding: (html, rng) => {
    const bytes = new TextEncoder().encode(html);
    return new TextDecoder(
      pick(rng, ['utf-16le', 'windows-1252', 'iso-8859-2', 'shift_jis']),
    ).decode(bytes);
  },
  unclosedTags: (html, rng) => {
    let out = html;
    for (let i = 0, n = int(rng, 1, 200); i < n; i++) {
      const at = int(rng, 0, out.length);
      out =
        out.slice(0, at) +
        pick(rng, [
          '<div>',
          '<p>',
          '<table>',
          '<a href="',
          '<!--',
          '<script>',
          '<svg>',
          '<template>',
        ]) +
        out.slice(at);
    }
    return out;
  },
  shuffleChunks: (html, rng) => {
    const parts = html.match(/[\s\S]{1,4096}/g) ?? [];
    for (let i = parts.length - 1; i > 0; i--) {
      const j = int(rng, 0, i);
      [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    }
    return parts.join('');
  },
  empty: () => '',
};

function huge(rng: Rng): string {
  const unit = pick(rng, ['x', 'é', '\u0301', ' ', 'word ', '\u{1F600}', 'ab\u0000']);
  return unit.repeat(Math.ceil(int(rng, 5_000, 300_000) / unit.length));
}

function addMeta(doc: Document, attr: 'property' | 'name', key: string, content: string) {
  const meta = doc.createElement('meta');
  meta.setAttribute(attr, key);
  meta.setAttribute('content', content);
  (doc.head ?? doc.documentElement ?? doc).appendChild(meta);
}

const domMutations: Record<string, DomMutation> = {
  deepNesting: (doc, rng) => {
    const body = doc.body ?? doc.documentElement;
    if (!body) return;
    const depth = int(rng, 500, 4000);
    let inner: HTMLElement = doc.createElement('div');
    const outer = inner;
    for (let i = 0; i < depth; i++) {
      const next = doc.createElement(pick(rng, ['div', 'section', 'span', 'article', 'p']));
      inner.appendChild(next);
      inner = next;
    }
    while (body.firstChild) inner.appendChild(body.firstChild);
    body.appendChild(outer);
  },
  hugeAttributes: (doc, rng) => {
    const value = huge(rng);
    const target = pick(rng, [
      'lang',
      'og:title',
      'description',
      'canonical',
      'site',
      'time',
      'class',
    ]);
    if (target === 'lang') doc.documentElement?.setAttribute('lang', value);
    else if (target === 'canonical') {
      const link = doc.createElement('link');
      link.setAttribute('rel', 'canonical');
      link.setAttribute(
        'href',
        `https://www.example.com/${encodeURIComponent(value).slice(0, 200_000)}`,
      );
      (doc.head ?? doc.documentElement)?.prepend(link);
    } else if (target === 'time') {
      const time = doc.createElement('time');
      time.setAttribute('datetime', value);
      doc.body?.prepend(time);
    } else if (target === 'class') {
      doc.body?.setAttribute('class', value);
    } else if (target === 'site') addMeta(doc, 'property', 'og:site_name', value);
    else addMeta(doc, target === 'og:title' ? 'property' : 'name', target, value);
  },
  hugeText: (doc, rng) => {
    const p = doc.createElement('p');
    p.textContent = huge(rng);
    const parent = doc.querySelector('article, main, body') ?? doc.documentElement;
    parent?.prepend(p);
  },
  manyElements: (doc, rng) => {
    const body = doc.body ?? doc.documentElement;
    for (let i = 0, n = int(rng, 1000, 8000); body && i < n; i++) {
      body.appendChild(doc.createElement(pick(rng, ['span', 'p', 'a', 'li', 'div'])));
    }
  },
  conflictingMeta: (doc, rng) => {
    for (let i = 0, n = int(rng, 2, 300); i < n; i++) {
      addMeta(
        doc,
        'property',
        pick(rng, ['og:title', 'og:url', 'og:locale', 'article:published_time']),
        pick(rng, ODD_TEXT),
      );
    }
  },
  hostileJsonLd: (doc, rng) => {
    const script = doc.createElement('script');
    script.setAttribute('type', 'application/ld+json');
    const nested = '['.repeat(int(rng, 10, 5000)) + ']'.repeat(int(rng, 0, 5000));
    script.textContent = pick(rng, [
      nested,
      '{"@type":"NewsArticle","headline":' + JSON.stringify(huge(rng)) + '}',
      '{"@type":["NewsArticle"],"headline":{"name":{"name":1}},"publisher":[null],"datePublished":[]}',
      '{"@graph":' +
        JSON.stringify(Array.from({ length: 5000 }, () => ({ '@type': 'NewsArticle' }))) +
        '}',
      '{"@type":"NewsArticle","articleBody":' +
        JSON.stringify(pick(rng, ODD_TEXT).repeat(100)) +
        '}',
      'not json at all {',
    ]);
    (doc.head ?? doc.documentElement)?.appendChild(script);
  },
  removeRandomElements: (doc, rng) => {
    const all = doc.querySelectorAll('*');
    for (let i = 0, n = int(rng, 1, 50); i < n && all.length; i++) {
      all[int(rng, 0, all.length - 1)]?.remove();
    }
  },
  removeHead: (doc) => doc.head?.remove(),
  removeBody: (doc) => doc.body?.remove(),
  oddTitles: (doc, rng) => {
    const title = doc.querySelector('title') ?? doc.createElement('title');
    title.textContent = pick(rng, ODD_TEXT).repeat(int(rng, 1, 2000));
    (doc.head ?? doc.documentElement)?.appendChild(title);
    const h1 = doc.createElement('h1');
    h1.textContent = pick(rng, ODD_TEXT);
    doc.body?.prepend(h1);
  },
};

const LOCATIONS = [
  (base: string) => base,
  (base: string) => `${base}${base.includes('?') ? '&' : '?'}q=${'a'.repeat(500)}#frag`,
  () => 'https://news.ycombinator.com/item?id=1',
  () => 'https://www.reddit.com/r/MachineLearning/comments/abc/x/',
  () => 'https://arxiv.org/abs/2401.00001',
  () => 'https://bsky.app/profile/a.bsky.social/post/3k',
  () => 'https://x.com/someone/status/1',
  () => 'https://lobste.rs/s/abc/x',
  () => 'about:blank',
  () => 'not a url',
];

export function mutatePage(rng: Rng, html: string, location: string): MutatedPage {
  const names: string[] = [];
  let out: string | null = html;
  const stringNames = Object.keys(stringMutations);
  for (let i = 0, n = int(rng, 0, 2); i < n; i++) {
    const name = pick(rng, stringNames);
    names.push(name);
    out = stringMutations[name]!(out, rng);
  }
  const chosen: DomMutation[] = [];
  const domNames = Object.keys(domMutations);
  for (let i = 0, n = int(rng, names.length ? 0 : 1, 3); i < n; i++) {
    const name = pick(rng, domNames);
    names.push(name);
    chosen.push(domMutations[name]!);
  }
  const loc = pick(rng, LOCATIONS)(location);
  if (loc !== location) names.push(`location ${loc.slice(0, 60)}`);
  return { html: out, domMutations: chosen, location: loc, names };
}

/** Parses the (mutated) markup and applies the DOM mutations with the same generator. */
export function buildDocument(page: MutatedPage, rng: Rng): Document {
  const { document } = parseHTML(page.html ?? '');
  const doc = document as unknown as Document;
  for (const mutation of page.domMutations) mutation(doc, rng);
  return doc;
}
