/**
 * Turns text into index terms for the matcher and the search.
 *
 * Model names carry the meaning of an AI story, so they are kept whole:
 * "GPT-5", "GPT 5" and "gpt5" all give the term "gpt5", which is not "gpt4";
 * "gpt-oss-120b" gives "gptoss120b" and also its leading parts "gptoss" so a
 * page about the 120b model meets a story about gpt-oss. Ordinary words are
 * folded (case, accents, a plural "s") and stop words dropped.
 */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in ' +
    'into is it its just me more most my no not of on or our out over so than that the their them then there ' +
    'these they this those to too up us was we were what when where which who why will with would you your ' +
    'about after all also any because before being between both each few get got here him himself new now ' +
    'off once only other own same she should some such through under until very via while yet vs like ' +
    'der die das und ist ein eine le la les des et est un une el los las del que en por'
  ).split(' '),
);

const DIGITS = /^\d+$/;
const NUMBER = /^\d+(?:\.\d+)+$/;
const VERSION = /^\d+(?:\.\d+)*[a-z]{0,2}$/;
/** A model code written apart from its name: "Hunyuan A13B", "Kimi K2", "DeepSeek V3.1". */
const CODE = /^[a-z]\d+(?:\.\d+)*[a-z]{0,2}$/;
const ALPHA = /^\p{L}+$/u;
const NAME = /^\p{L}[\p{L}\d]*$/u;
const NON_ASCII = /[^\x00-\x7f]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}+/gu;

export interface TokenizeOptions {
  /** Keep stop words (the search keeps them out too, but a one-word query may be one). */
  keepStopWords?: boolean;
}

/** Lower-case, fold accents and unify quotes, so equal words compare equal. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** A light English stemmer: plurals only, so "models" meets "model" and "llms" meets "llm". */
export function stem(word: string): string {
  if (word.length <= 3 || word.charCodeAt(word.length - 1) !== 115 || !isLetters(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|ches|shes|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|os|as)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The terms of a text, in order, repeats kept (their count is the term
 * frequency). Compound model names add their joined forms after their parts.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const out: string[] = [];
  const folded = foldText(text);
  const scanner = new WordScanner(folded);
  let previous: string | null = null;
  while (scanner.next()) {
    const word = folded.slice(scanner.start, scanner.end);
    previous = scanner.joined
      ? emitJoined(word, scanner.hasApostrophe, previous, out, options)
      : emitSimple(word, previous, out, options);
  }
  return out;
}

/**
 * Finds the words of a folded text one after another: runs of letters and
 * digits with inner joiners ("-", "_", ".", apostrophes). A hand-written
 * scanner: this runs over every story when the service worker starts, where a
 * Unicode regex (or a list of words first) costs several times more.
 */
export class WordScanner {
  /** The current word is text[start, end). */
  start = 0;
  end = 0;
  /** Whether it has inner joiners ("gpt-5", "openai.com", "o'brien"). */
  joined = false;
  hasApostrophe = false;

  constructor(private readonly text: string) {}

  /** Moves to the next word; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    while (i < n && !isWordCode(text.charCodeAt(i), text, i)) i++;
    if (i >= n) return false;
    this.start = i;
    let joined = false;
    let hasApostrophe = false;
    for (;;) {
      while (i < n && isWordCode(text.charCodeAt(i), text, i)) i++;
      const code = text.charCodeAt(i);
      if (i + 1 < n && isJoiner(code) && isWordCode(text.charCodeAt(i + 1), text, i + 1)) {
        if (code === 39 || code === 0x2019) hasApostrophe = true;
        joined = true;
        i++;
        continue;
      }
      break;
    }
    this.end = i;
    this.joined = joined;
    this.hasApostrophe = hasApostrophe;
    return true;
  }
}

/**
 * The terms of a word with inner joiners, after `previous` (the word before
 * it, which a version may join); returns what counts as the word before the next.
 */
export function emitJoined(
  word: string,
  hasApostrophe: boolean,
  previous: string | null,
  out: string[],
  options: TokenizeOptions,
): string | null {
  const shape = emitJoinedAlone(word, hasApostrophe, out, options);
  insertJoin(previous, shape, out);
  return shape.last === undefined ? previous : shape.last;
}

/**
 * Where the word before a word joins it: a version-join of the word before
 * with `joinWord` ("R1" of "R1-0528") goes at `joinAt` among the terms.
 */
export interface JoinSlot {
  joinAt: number;
  joinWord: string;
  /** What counts as the word before the next one (undefined: the one before this word). */
  last: string | null | undefined;
}

/**
 * The terms of a word with inner joiners that do not depend on the word before
 * it, and where the one that does would go. Every other term of the word is
 * the same whatever came before, so a caller may remember them per word.
 */
export function emitJoinedAlone(
  word: string,
  hasApostrophe: boolean,
  out: string[],
  options: TokenizeOptions,
): JoinSlot {
  // Apostrophes removed and a possessive "'s" dropped.
  const bare = hasApostrophe ? word.replace(/['’]s$/, '').replace(/['’]/g, '') : word;
  const slot: JoinSlot = { joinAt: out.length, joinWord: '', last: undefined };
  // Dots split words ("openai.com") except inside a version number ("4.5").
  if (bare.indexOf('.') < 0) {
    slot.last = emitChunkAlone(bare, out, options, slot);
    return slot;
  }
  let from = 0;
  let first = true;
  let previous: string | null = null;
  for (let i = 0; i <= bare.length; i++) {
    if (i < bare.length) {
      if (bare.charCodeAt(i) !== 46) continue;
      if (isDigit(bare.charCodeAt(i - 1)) && isDigit(bare.charCodeAt(i + 1))) continue;
    }
    if (i > from) {
      const chunk = bare.slice(from, i);
      // Only the first chunk meets the word before; the others follow the chunk before them.
      previous = first
        ? emitChunkAlone(chunk, out, options, slot)
        : emitChunk(chunk, previous, out, options);
      first = false;
    }
    from = i + 1;
  }
  if (!first) slot.last = previous;
  return slot;
}

/** Puts the version-join of `previous` with the slot's word, if they join, at the slot. */
function insertJoin(previous: string | null, slot: JoinSlot, out: string[]): void {
  const joins: string[] = [];
  joinVersion(previous, slot.joinWord, joins);
  if (joins.length > 0) out.splice(slot.joinAt, 0, ...joins);
}

function isLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) continue;
    if (code < 128) return false;
    return ALPHA.test(word);
  }
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordCode(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || isDigit(code) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(text.charAt(at));
}

/** Joiners kept inside a word: "-", "_", ".", and apostrophes (dropped afterwards). */
function isJoiner(code: number): boolean {
  return code === 45 || code === 95 || code === 46 || code === 39 || code === 0x2019;
}

function emitChunk(
  chunk: string,
  previous: string | null,
  out: string[],
  options: TokenizeOptions,
): string | null {
  if (chunk.indexOf('-') < 0 && chunk.indexOf('_') < 0)
    return emitSimple(chunk, previous, out, options);
  const slot: JoinSlot = { joinAt: 0, joinWord: '', last: undefined };
  const last = emitChunkAlone(chunk, out, options, slot);
  insertJoin(previous, slot, out);
  return last;
}

/** A chunk's terms (see emitJoinedAlone), its join slot put in `slot`; returns its last part. */
function emitChunkAlone(
  chunk: string,
  out: string[],
  options: TokenizeOptions,
  slot: JoinSlot,
): string | null {
  if (chunk.indexOf('-') < 0 && chunk.indexOf('_') < 0) {
    emitAlone(chunk, out, options);
    slot.joinAt = out.length;
    slot.joinWord = chunk;
    return chunk;
  }
  const parts = chunk.split(/[-_]/).filter((p) => p.length > 0);
  for (const part of parts) emitPart(part, out, options);
  // "DeepSeek R1-0528" names DeepSeek-R1 too.
  slot.joinAt = out.length;
  slot.joinWord = parts[0] ?? '';
  if (parts.length > 1) {
    // Every leading run of two or more parts, joined: gpt-oss-120b → gptoss, gptoss120b.
    let joined = parts[0] ?? '';
    for (let i = 1; i < parts.length; i++) {
      joined = joinTerms(joined, parts[i] ?? '');
      if (i === 1 || /\d/.test(joined)) out.push(joined);
    }
    // "ChatGPT-5" is how many write GPT-5.
    if (parts[0] === 'chatgpt' && isDigit((parts[1] ?? '').charCodeAt(0))) {
      out.push(`gpt${parts.slice(1).join('')}`);
    }
    return parts[parts.length - 1] ?? null;
  }
  return parts[0] ?? null;
}

/** A word of one part: no array, no split (this runs for every word of every story). */
function emitSimple(
  word: string,
  previous: string | null,
  out: string[],
  options: TokenizeOptions,
): string {
  emitAlone(word, out, options);
  joinVersion(previous, word, out);
  return word;
}

/** The terms of a word of one part that do not depend on the word before it. */
export function emitAlone(word: string, out: string[], options: TokenizeOptions): void {
  emitPart(word, out, options);
  if (word.charCodeAt(0) === 99 && word.startsWith('chatgpt') && isDigit(word.charCodeAt(7))) {
    out.push(word.slice(4));
  }
}

function emitPart(part: string, out: string[], options: TokenizeOptions): void {
  const c0 = part.charCodeAt(0);
  if (isDigit(c0) && (DIGITS.test(part) || NUMBER.test(part))) return;
  if (part.length === 1 && !isDigit(c0)) return;
  if (!options.keepStopWords && STOP_WORDS.has(part)) return;
  out.push(stem(part));
}

/** "GPT 5", "Llama 3.1", "Claude 4", "Kimi K2": a name followed by a version or code joins it. */
export function joinVersion(previous: string | null, word: string, out: string[]): void {
  if (!previous) return;
  if (isVersionLike(word) && canPrecedeVersion(previous)) out.push(joinTerms(previous, word));
}

/** Whether a word may have a version joined to it ("gpt", "llama"; not "in" or "2024"). */
export function canPrecedeVersion(word: string): boolean {
  return NAME.test(word) && !STOP_WORDS.has(word);
}

/** Whether a word may join the name before it ("5", "3.1", "k2"). */
export function isVersionLike(word: string): boolean {
  return isDigit(word.charCodeAt(0))
    ? VERSION.test(word)
    : isDigit(word.charCodeAt(1)) && CODE.test(word);
}

/**
 * Two parts as one term. Between two numbers an underscore keeps them apart:
 * "Qwen3-30B" is qwen3_30b, not qwen330b (which reads as Qwen 330B), and
 * "ERNIE-4.5-21B" is ernie4.5_21b, not a version 4.521 of ERNIE. Text never
 * yields an underscore inside a term (it splits words there), so this form
 * arises only from such a join.
 */
function joinTerms(left: string, right: string): string {
  return isDigit(left.charCodeAt(left.length - 1)) && isDigit(right.charCodeAt(0))
    ? `${left}_${right}`
    : left + right;
}

/** The distinct terms of a text. */
export function termSet(text: string): Set<string> {
  return new Set(tokenize(text));
}
