/**
 * Every story's text as term ids, tokenised once and shared by the matcher and
 * the search. Rebuilding both after a service-worker restart used to tokenise
 * every title and summary twice and hash every term twice; here each term is
 * interned once into one vocabulary, and each field is kept as flat typed
 * arrays the index builders read without touching a string.
 *
 * A field is tokenised when an index first asks for it: the matcher (needed as
 * soon as the worker starts, to match the page in front of the reader) never
 * asks for the reactions, so their text waits for the first search.
 */
import type { Story } from '../index/schema';
import { createIdTokenizer } from './id-tokenizer';
import { IntList } from './int-list';
import { memoizedTokenize } from './tokenize';

export const STORY_FIELDS = ['title', 'entities', 'keywords', 'summary', 'reactions'] as const;
export type StoryField = (typeof STORY_FIELDS)[number];

export interface FieldTerms {
  /** Term ids of all stories, one story after another, repeats kept. */
  readonly ids: Int32Array;
  /** Story d's terms are ids[starts[d] .. starts[d + 1]). */
  readonly starts: Int32Array;
}

export interface StoryTerms {
  readonly size: number;
  /**
   * Term → its id. It grows when a field is first tokenised, so an index built
   * earlier may meet ids past the ones it knows (it treats them as absent).
   */
  readonly termIds: ReadonlyMap<string, number>;
  /** Id → term. */
  readonly terms: readonly string[];
  /** A field's terms, tokenised on first use. */
  field(name: StoryField): FieldTerms;
  /** Tokenises an entity or keyword, remembering each (they repeat across stories). */
  readonly tokenizeShort: (text: string) => string[];
}

export function tokenizeStories(stories: readonly Story[]): StoryTerms {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const tokenizeShort = memoizedTokenize();
  const intern = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };
  // A short text's ids are remembered too: the same entity ("OpenAI") in a
  // thousand stories is tokenised and interned once.
  const shortIds = new Map<string, number[]>();
  const tokenizeIds = createIdTokenizer(intern);
  const n = stories.length;

  function build(texts: (story: Story) => readonly string[], short: boolean): FieldTerms {
    const list = new IntList();
    const starts = new Int32Array(n + 1);
    for (let d = 0; d < n; d++) {
      starts[d] = list.length;
      for (const text of texts(stories[d] as Story)) {
        if (short) {
          let ids = shortIds.get(text);
          if (!ids) {
            ids = tokenizeShort(text).map(intern);
            shortIds.set(text, ids);
          }
          for (let i = 0; i < ids.length; i++) list.push(ids[i] as number);
        } else {
          tokenizeIds(text, list);
        }
      }
    }
    starts[n] = list.length;
    return { ids: list.finish(), starts };
  }

  const built = new Map<StoryField, FieldTerms>();
  return {
    size: n,
    termIds,
    terms,
    tokenizeShort,
    field(name) {
      let field = built.get(name);
      if (!field) {
        field =
          name === 'title'
            ? build((s) => [s.title], false)
            : name === 'summary'
              ? build((s) => [s.summary], false)
              : name === 'entities'
                ? build((s) => s.entities, true)
                : name === 'keywords'
                  ? build((s) => s.keywords, true)
                  : build((s) => s.reactions.map((r) => r.summary), false);
        built.set(name, field);
      }
      return field;
    },
  };
}
