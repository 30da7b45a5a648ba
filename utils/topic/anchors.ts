/**
 * What a lexicon pattern needs to find in a text before it can match there. A pattern is split
 * into its top-level alternatives, and each alternative gets one anchor: a literal that every
 * match of it contains. The classifier compiles and runs an alternative only when its anchor is
 * in the text (utils/topic/text-index.ts), so most of the lexicon never runs on a page.
 *
 * Anchors must never miss a match (a missed anchor would change what the classifier decides),
 * so the analysis is conservative: anything it does not understand gives no anchor, and an
 * alternative without one always runs.
 */

/**
 * Word characters of the matcher's boundaries: letters of scripts that separate words with
 * spaces, digits and underscore. Spelled out as ranges (Latin with its extensions, Greek,
 * Cyrillic) rather than \p{Script=…}, so that the case-insensitive expressions can run without
 * the u flag, about three times faster; every pattern is in the BMP.
 */
export const WORD_CHAR_CLASS =
  '[A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u1F00-\\u1FFF\\u0400-\\u052F]';
const WORD = new RegExp(`^${WORD_CHAR_CLASS}$`);

/** Length of the word beginnings the text index keeps (text-index.ts). */
export const PREFIX_LENGTH = 4;

export type Anchor =
  /** Some word of the text starts with `text` (only word characters). */
  | { kind: 'prefix'; text: string }
  /** Some word of the text contains `text` (only word characters). */
  | { kind: 'inner'; text: string }
  /** The text contains `text` (any characters). */
  | { kind: 'raw'; text: string }
  | { kind: 'none' };

/**
 * How a lexicon alternative is matched: `cased` as written, with the u flag, against the text;
 * `lower` lower-cased, against the lower-cased text; `insensitive` with the i flag against the
 * text (the topic cues; its anchor is taken from the lower-cased alternative).
 */
export type MatchMode = 'cased' | 'lower' | 'insensitive';

/**
 * A pattern's letters in lower case, escapes left alone (\B, \W and \D keep
 * their meaning). The case-insensitive entries are matched this way, as a
 * case-sensitive expression over the lower-cased text: about a third faster
 * in V8 than the i flag, with the same matches.
 */
export function lowerPattern(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (c === '\\') {
      out += c + src.charAt(i + 1);
      i++;
    } else out += c.toLowerCase();
  }
  return out;
}

/** Where a pattern's top-level `|` are: `a|b(?:c|d)|e` → [1, 10]. */
export function alternativeBars(source: string): number[] {
  const bars: number[] = [];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) bars.push(i);
  }
  return bars;
}

/** The pattern cut at its top-level bars: `a|b(?:c|d)|e` → a, b(?:c|d), e. */
export function cutAt(source: string, bars: readonly number[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (const bar of bars) {
    out.push(source.slice(start, bar));
    start = bar + 1;
  }
  out.push(source.slice(start));
  return out;
}

export function splitAlternatives(source: string): string[] {
  return cutAt(source, alternativeBars(source));
}

/** A run of literal characters that every match contains, in order and without a gap. */
interface Run {
  text: string;
  /** Nothing that consumes characters comes before it: it begins where the match begins. */
  atStart: boolean;
}

/** Index just past the group or class that opens at `i`. */
function skipBracketed(src: string, i: number): number {
  if (src.charAt(i) === '[') {
    for (let j = i + 1; j < src.length; j++) {
      const c = src.charAt(j);
      if (c === '\\') j++;
      else if (c === ']') return j + 1;
    }
    return src.length;
  }
  let depth = 0;
  let inClass = false;
  for (let j = i; j < src.length; j++) {
    const c = src.charAt(j);
    if (c === '\\') j++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** Index just past a quantifier (and its lazy `?`) at `i`, or `i` when there is none. */
function skipQuantifier(src: string, i: number): number {
  const c = src.charAt(i);
  let j = i;
  if (c === '?' || c === '*' || c === '+') j = i + 1;
  else if (c === '{') {
    const close = src.indexOf('}', i);
    j = close < 0 ? src.length : close + 1;
  } else return i;
  return src.charAt(j) === '?' ? j + 1 : j;
}

/** The mandatory literal runs of one alternative, outside any group. */
function literalRuns(alt: string): Run[] {
  const runs: Run[] = [];
  let cur = '';
  let curAtStart = true;
  let consumed = false;
  const flush = () => {
    if (cur) runs.push({ text: cur, atStart: curAtStart });
    cur = '';
  };
  const add = (c: string) => {
    if (!cur) curAtStart = !consumed;
    cur += c;
  };
  let i = 0;
  while (i < alt.length) {
    const c = alt.charAt(i);
    let literal: string | null = null;
    let next = i + 1;
    if (c === '\\') {
      const e = alt.charAt(i + 1);
      next = i + 2;
      if (/[A-Za-z0-9]/.test(e)) {
        flush();
        if (e === 'b' || e === 'B') {
          i = next; // zero-width
          continue;
        }
        consumed = true;
        i = skipQuantifier(alt, next);
        continue;
      }
      literal = e;
    } else if (c === '(') {
      const end = skipBracketed(alt, i);
      const zeroWidth = /^\(\?<?[=!]/.test(alt.slice(i, i + 4));
      flush();
      if (!zeroWidth) consumed = true;
      i = skipQuantifier(alt, end);
      continue;
    } else if (c === '[' || c === '.') {
      flush();
      consumed = true;
      i = skipQuantifier(alt, c === '[' ? skipBracketed(alt, i) : i + 1);
      continue;
    } else if (c === '^' || c === '$') {
      flush();
      i++;
      continue;
    } else if (c === ')' || c === '|' || c === '?' || c === '*' || c === '+' || c === '{') {
      // Not expected in a well-formed alternative: stop, keeping what is certain so far.
      flush();
      return runs;
    } else literal = c;
    const q = alt.charAt(next);
    if (q === '?' || q === '*' || q === '{') {
      // Optional (or counted): not mandatory; what follows is not contiguous with the run.
      flush();
      consumed = true;
      i = skipQuantifier(alt, next);
    } else if (q === '+') {
      add(literal);
      flush();
      consumed = true;
      i = skipQuantifier(alt, next);
    } else {
      add(literal);
      i = next;
    }
  }
  flush();
  return runs;
}

const isWord = (c: string) => WORD.test(c);

/**
 * The anchor of one alternative. `atToken`: the matcher requires a non-word character (or the
 * text's start) before every match, so a match that begins with a word character begins a word.
 */
export function anchorOf(alt: string, atToken: boolean): Anchor {
  let bestPrefix = '';
  let bestInner = '';
  let bestRaw = '';
  for (const run of literalRuns(alt)) {
    if (run.text.length > bestRaw.length) bestRaw = run.text;
    let i = 0;
    while (i < run.text.length) {
      if (!isWord(run.text.charAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < run.text.length && isWord(run.text.charAt(j))) j++;
      const word = run.text.slice(i, j);
      const startsWord = i > 0 || (run.atStart && atToken);
      if (startsWord && word.length > bestPrefix.length) bestPrefix = word;
      if (word.length > bestInner.length) bestInner = word;
      i = j;
    }
  }
  if (bestPrefix.length >= PREFIX_LENGTH) return { kind: 'prefix', text: bestPrefix };
  if (bestInner.length >= 3) return { kind: 'inner', text: bestInner };
  if (bestRaw.length >= 2) return { kind: 'raw', text: bestRaw };
  return { kind: 'none' };
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * An anchor as the text index checks it (text-index.ts): `p` and a word, lower-cased, whose
 * first PREFIX_LENGTH characters are looked up among the lower-cased text's word beginnings and
 * which the lower-cased text must then contain (lexicon-units.ts); `t` and a
 * literal the text contains as it is; `l` and a literal the lower-cased text contains; '' for
 * an alternative that always runs. The index is only used when lower-casing maps the text
 * character for character and keeps every word character a word character, so a word that
 * begins at some place in the text begins at the same place in the lower-cased text.
 */
export function anchorCode(anchor: Anchor, mode: MatchMode): string {
  if (anchor.kind === 'none') return '';
  const { text } = anchor;
  const ascii = ASCII.test(text);
  // Only ASCII letters are sure to lower-case the same alone as in a word (a final sigma is not).
  if (mode !== 'lower' && !ascii) return mode === 'cased' ? `t${text}` : '';
  if (anchor.kind === 'prefix') return `p${text.toLowerCase()}`;
  return mode === 'cased' ? `t${text}` : `l${text}`;
}
