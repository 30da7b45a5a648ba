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

/** A run of letters and digits, with inner "-", "_", "." and "'" kept for now. */
const WORD = /[\p{L}\p{N}]+(?:[-_.'’][\p{L}\p{N}]+)*/gu;
const DIGITS = /^\d+$/;
const VERSION = /^\d+(?:\.\d+)*[a-z]{0,2}$/;
const ALPHA = /^\p{L}+$/u;

export interface TokenizeOptions {
  /** Keep stop words (the search keeps them out too, but a one-word query may be one). */
  keepStopWords?: boolean;
}

/** Lower-case, fold accents and unify quotes, so equal words compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A light English stemmer: plurals only, so "models" meets "model" and "llms" meets "llm". */
export function stem(word: string): string {
  if (word.length <= 3 || !ALPHA.test(word)) return word;
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
  let previous: string | null = null;
  for (const match of folded.matchAll(WORD)) {
    let word = match[0];
    // Possessives and inner dots of non-versions ("openai.com") split into words.
    word = word.replace(/['’]s$/, '').replace(/['’]/g, '');
    const chunks = word.split(/\.(?!\d)|(?<!\d)\./);
    for (const chunk of chunks) {
      if (!chunk) continue;
      previous = emitChunk(chunk, previous, out, options);
    }
  }
  return out;
}

function emitChunk(
  chunk: string,
  previous: string | null,
  out: string[],
  options: TokenizeOptions,
): string | null {
  const parts = chunk.split(/[-_]/).filter((p) => p.length > 0);
  for (const part of parts) {
    if (DIGITS.test(part) || /^\d+(\.\d+)+$/.test(part)) continue;
    if (part.length === 1 && ALPHA.test(part)) continue;
    if (!options.keepStopWords && STOP_WORDS.has(part)) continue;
    out.push(stem(part));
  }
  if (parts.length > 1) {
    // Every leading run of two or more parts, joined: gpt-oss-120b → gptoss, gptoss120b.
    let joined = parts[0] ?? '';
    for (let i = 1; i < parts.length; i++) {
      joined += parts[i];
      if (i === 1 || /\d/.test(joined)) out.push(joined);
    }
  }
  // "GPT 5", "Llama 3.1", "Claude 4": a name followed by a version joins it.
  const first = parts[0] ?? '';
  if (
    parts.length === 1 &&
    previous &&
    VERSION.test(first) &&
    /^\p{L}[\p{L}\d]*$/u.test(previous)
  ) {
    if (!STOP_WORDS.has(previous)) out.push(previous + first);
  }
  return parts.length === 1 ? first : (parts[parts.length - 1] ?? null);
}

/** The distinct terms of a text. */
export function termSet(text: string): Set<string> {
  return new Set(tokenize(text));
}
