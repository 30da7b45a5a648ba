/**
 * The words a story's title writes as names: "ETH Zurich and EPFL to release
 * a LLM…", "Well, if anyone was waiting for Llama 4 Behemoth, it's gone".
 * The index's entity lists come from a fixed list of known models, labs and
 * tools, so a story about a name outside it (a university, a model's code
 * name) has no entity that says what it is about; its title still writes that
 * name the way names are written.
 *
 * A word counts when it is written in capitals (EPFL), with a capital inside
 * it (OpenAI), or, in a title written as a sentence, with a capital first
 * when it is not the title's first word. In a title where nearly every word
 * starts with a capital ("Meta's New Superintelligence Lab Is…") that last
 * sign says nothing, so only the first two count there. Each part of a
 * hyphenated word is judged on its own: "AI-generated" holds the name "AI",
 * not a name "AI-generated".
 */
import { tokenize } from './tokenize';

/** Share of a title's longer words that start with a capital above which it is title-cased. */
const TITLE_CASE_SHARE = 0.8;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const PART_SEPARATOR = /[-_/.'’]/;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const STARTS_WITH_CAPITAL = /^\p{Lu}/u;

/** The terms (as tokenize gives them) of the words `title` writes as names. */
export function titleNameTerms(title: string): Set<string> {
  const words = title
    .split(/\s+/)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter((word) => word.length > 0);
  const longer = words.filter((word) => word.length > 3);
  const capitalised = longer.filter((word) => STARTS_WITH_CAPITAL.test(word)).length;
  const titleCased = longer.length > 0 && capitalised / longer.length >= TITLE_CASE_SHARE;
  const names = new Set<string>();
  words.forEach((word, i) => {
    for (const part of word.split(PART_SEPARATOR)) {
      const written =
        ALL_CAPITALS.test(part) ||
        INNER_CAPITAL.test(part) ||
        (i > 0 && !titleCased && CAPITALISED.test(part));
      if (written) for (const term of tokenize(part)) names.add(term);
    }
  });
  return names;
}
