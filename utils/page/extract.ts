/**
 * The main text of an article page, without Readability: pick the container
 * (itemprop=articleBody, <article>, <main>, or the block whose paragraphs carry
 * the most text), then read its paragraphs in order, leaving out navigation,
 * share bars, related links and comments. Read-only and bounded: it visits at
 * most the budget's nodes and reads at most maxChars characters.
 */
import { type Budget, clean, isElement, isHidden, newBudget, STOP, textOf, walk } from './dom';

export interface ExtractOptions {
  /** Characters of main text to return. */
  maxChars: number;
  budget?: Budget;
}

export interface Extraction {
  text: string;
  /** How the container was chosen, for debugging and evaluation. */
  via: 'itemprop' | 'article' | 'main' | 'density' | 'body' | 'jsonld' | 'none';
}

const MAX_PARAGRAPHS_SCORED = 2_500;
const MAX_CANDIDATES = 12;
/** How far up a paragraph's ancestors are checked for boilerplate. */
const ANCESTORS_CHECKED = 10;

/** Subtrees that are never the article's own text. */
const SKIP_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FOOTER',
  'HEADER',
  'FORM',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'SVG',
  'svg',
  'FIGURE',
  'H1',
  'MENU',
  'DIALOG',
]);

const BOILERPLATE =
  /(?:^|[\s_-])(?:comments?|share|sharing|social|related|recommend\w*|promo\w*|newsletter|subscri\w+|sidebar|nav\w*|menu|breadcrumbs?|advert\w*|ads?|sponsor\w*|paywall|signup|sign-up|login|cookie\w*|consent|popup|modal|toolbar|tags?|author-bio|byline|more-stories|read-more|readmore|trending|popular|outbrain|taboola|disqus|footer|masthead|caption|credits?)(?:$|[\s_-])/i;

/** Elements whose text is one paragraph of content. */
const BLOCKS = new Set([
  'P',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'DD',
  'DT',
  'TD',
  'TH',
]);

/**
 * Whether an element is navigation, a sidebar, comments… by its tag and role,
 * and (unless loose) by its class and id names.
 */
function isBoilerplate(el: Element, loose = false): boolean {
  const memo = loose ? looseVerdicts : strictVerdicts;
  let verdict = memo?.get(el);
  if (verdict === undefined) {
    verdict = judgeBoilerplate(el, loose);
    memo?.set(el, verdict);
  }
  return verdict;
}

/**
 * Verdicts of one extraction, so the ancestors that hundreds of paragraphs
 * share are judged once (WeakMaps: nothing outlives the reading).
 */
let strictVerdicts: WeakMap<Element, boolean> | null = null;
let looseVerdicts: WeakMap<Element, boolean> | null = null;
/** insideBoilerplate's answers, by the paragraph's parent. */
let strictAncestry: WeakMap<Element, boolean> | null = null;
let looseAncestry: WeakMap<Element, boolean> | null = null;

function judgeBoilerplate(el: Element, loose: boolean): boolean {
  if (SKIP_TAGS.has(el.tagName) || isHidden(el)) return true;
  const role = el.getAttribute('role');
  if (
    role === 'navigation' ||
    role === 'complementary' ||
    role === 'banner' ||
    role === 'contentinfo'
  )
    return true;
  // The page's own article and main elements are content whatever they are named.
  if (el.tagName === 'ARTICLE' || el.tagName === 'MAIN' || el.tagName === 'BODY') return false;
  if (loose) return false;
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  if (!cls && !id) return false;
  const label = `${cls} ${id}`;
  // As in Readability: a name that also says article, body, column, content
  // or main is kept ("content-with-sidebar-wrp" holds the story).
  if (
    /and|article|body|column|content|main|shadow|story|entry/i.test(label) &&
    !/comment/i.test(label)
  )
    return false;
  return BOILERPLATE.test(label);
}

/** Share of an element's text that sits inside links (0..1), bounded. */
function linkDensity(el: Element, textLength: number, budget: Budget): number {
  if (textLength === 0) return 1;
  let linked = 0;
  const links = el.querySelectorAll('a');
  for (let i = 0; i < links.length && i < 50; i++) {
    linked += textOf(links[i], 400, budget).length;
  }
  return Math.min(1, linked / textLength);
}

/** Loose text (outside any block) shorter than this is not a paragraph. */
const LOOSE_TEXT_CHARS = 40;

/** Paragraph-by-paragraph text of a container, boilerplate left out. */
export function readParagraphs(
  container: Element,
  maxChars: number,
  budget: Budget,
  loose = false,
): string {
  const out: string[] = [];
  let length = 0;
  walk(container, budget, (node) => {
    if (length >= maxChars) return STOP;
    if (node.nodeType === 3) {
      // Loose text directly inside a <div> (sites that separate paragraphs with <br>).
      // Cleaning only shortens, so a node shorter than the bar is left uncleaned: most are
      // the whitespace between elements.
      const raw = node.nodeValue ?? '';
      if (raw.length < LOOSE_TEXT_CHARS) return false;
      const t = clean(raw, 2_000);
      const parent = node.parentNode;
      if (t.length >= LOOSE_TEXT_CHARS && isElement(parent) && !BLOCKS.has(parent.tagName)) {
        out.push(t);
        length += t.length + 1;
      }
      return false;
    }
    if (!isElement(node)) return false;
    // A link standing alone between blocks is navigation (teasers, "more in tech").
    if (node.tagName === 'A' || isBoilerplate(node, loose)) return false;
    if (BLOCKS.has(node.tagName)) {
      // A list item or cell that only holds blocks of its own: read those instead.
      if (
        (node.tagName === 'LI' || node.tagName === 'TD' || node.tagName === 'TH') &&
        node.querySelector('p, li')
      )
        return true;
      const t = textOf(node, Math.min(8_000, maxChars - length + 1), budget);
      if (!t) return false;
      // Lists of links (related stories, "most popular") are not the article.
      const density = linkDensity(node, t.length, budget);
      if (density > (t.length < 200 ? 0.5 : 0.8)) return false;
      out.push(t);
      length += t.length + 1;
      return false;
    }
    return true;
  });
  return clean(out.join('\n'), maxChars);
}

/**
 * A paragraph's first thousand characters, read once per extraction: the
 * density scoring and every candidate's weighing ask for the same paragraphs.
 */
let paragraphTexts: WeakMap<Element, string> | null = null;

function paragraphText(p: Element, budget: Budget): string {
  let text = paragraphTexts?.get(p);
  if (text === undefined) {
    text = textOf(p, 1_000, budget);
    paragraphTexts?.set(p, text);
  }
  return text;
}

/** Characters of paragraph text under an element, cheaply (for comparing candidates). */
function paragraphWeight(el: Element, budget: Budget): number {
  let weight = 0;
  const ps = el.querySelectorAll('p');
  for (let i = 0; i < ps.length && i < 400; i++) {
    const p = ps[i]!;
    const length = paragraphText(p, budget).length;
    if (length >= 25) weight += length;
  }
  return weight;
}

/**
 * Whether any of the closest ancestors is a comment section, sidebar, footer… The answer
 * depends only on the parent, so it is kept per parent: the paragraphs of one block share it.
 */
function insideBoilerplate(el: Element, loose: boolean): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  const memo = loose ? looseAncestry : strictAncestry;
  let verdict = memo?.get(parent);
  if (verdict === undefined) {
    verdict = false;
    let up: Element | null = parent;
    for (let i = 0; up && i < ANCESTORS_CHECKED; i++, up = up.parentElement) {
      if (isBoilerplate(up, loose)) {
        verdict = true;
        break;
      }
    }
    memo?.set(parent, verdict);
  }
  return verdict;
}

/**
 * Readability's core idea, cut down: each substantial paragraph scores its
 * parent fully and its grandparent by half; the best-scoring block wins.
 */
function densityWinner(doc: Document, budget: Budget, loose: boolean): Element | null {
  const scores = new Map<Element, number>();
  const ps = doc.querySelectorAll('p, pre, td');
  for (let i = 0; i < ps.length && i < MAX_PARAGRAPHS_SCORED && budget.nodes > 0; i++) {
    const p = ps[i]!;
    const t = paragraphText(p, budget);
    if (t.length < 25) continue;
    const score = 1 + (t.match(/[,，、]/g)?.length ?? 0) + Math.min(3, Math.floor(t.length / 100));
    const parent = p.parentElement;
    if (!parent || insideBoilerplate(p, loose)) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand && !isBoilerplate(grand, loose))
      scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // Articles often split into sibling blocks: climb while the parent holds
  // clearly more paragraph text than the winner alone.
  if (best) {
    const own = paragraphWeight(best, budget);
    let up = best.parentElement;
    for (let i = 0; up && i < 3; i++, up = up.parentElement) {
      if (up.tagName === 'BODY' || isBoilerplate(up, loose)) break;
      if (paragraphWeight(up, budget) > own * 1.35) best = up;
      else break;
    }
  }
  return best;
}

function extractOnce(
  doc: Document,
  options: ExtractOptions,
  budget: Budget,
  loose: boolean,
): Extraction {
  // querySelector, not doc.body: some DOM implementations create a missing body on access.
  const body = doc.querySelector('body');
  if (!body) return { text: '', via: 'none' };

  const candidates: { el: Element; via: Extraction['via'] }[] = [];
  const add = (sel: string, via: Extraction['via']) => {
    const found = doc.querySelectorAll(sel);
    for (let i = 0; i < found.length && candidates.length < MAX_CANDIDATES; i++)
      candidates.push({ el: found[i]!, via });
  };
  add('[itemprop="articleBody"]', 'itemprop');
  add('article', 'article');
  add('main, [role="main"]', 'main');

  const dense = densityWinner(doc, budget, loose);
  let chosen: { el: Element; via: Extraction['via'] } | null = dense
    ? { el: dense, via: 'density' }
    : null;
  let chosenWeight = dense ? paragraphWeight(dense, budget) : 0;
  for (const c of candidates) {
    const w = paragraphWeight(c.el, budget);
    // A semantic container wins when it holds most of the text the density
    // winner found (it is usually the same block, drawn a little wider or
    // narrower), or clearly more.
    const nearSame = dense && (c.el.contains(dense) || dense.contains(c.el));
    if (
      (nearSame && w >= chosenWeight * 0.8 && w <= chosenWeight * 1.6) ||
      w > chosenWeight * 1.6
    ) {
      if (!(chosen?.via === 'itemprop' && c.via !== 'itemprop' && w <= chosenWeight * 1.6)) {
        chosen = c;
        chosenWeight = w;
      }
    }
  }
  const container = chosen?.el ?? body;
  const text = readParagraphs(container, options.maxChars, budget, loose);
  if (text.length >= 200 || container === body) return { text, via: chosen?.via ?? 'body' };
  // A thin winner (a teaser box): fall back to the whole body.
  const whole = readParagraphs(body, options.maxChars, budget, loose);
  return whole.length > text.length
    ? { text: whole, via: 'body' }
    : { text, via: chosen?.via ?? 'body' };
}

/** Below this many characters, an extraction is retried with class names ignored. */
const THIN_TEXT = 200;

export function extractMainText(doc: Document, options: ExtractOptions): Extraction {
  const budget = options.budget ?? newBudget();
  strictVerdicts = new WeakMap();
  looseVerdicts = new WeakMap();
  strictAncestry = new WeakMap();
  looseAncestry = new WeakMap();
  paragraphTexts = new WeakMap();
  try {
    const strict = extractOnce(doc, options, budget, false);
    if (strict.text.length >= THIN_TEXT) return strict;
    // As Readability does: a page whose article sits inside a container named
    // like a sidebar ("panel-two-col-sidebar") gets a second, looser pass.
    const loose = extractOnce(doc, options, budget, true);
    return loose.text.length > strict.text.length ? loose : strict;
  } finally {
    strictVerdicts = null;
    looseVerdicts = null;
    strictAncestry = null;
    looseAncestry = null;
    paragraphTexts = null;
  }
}
