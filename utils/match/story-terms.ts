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

export const STORY_FIELDS = ['title', 'entities', 'keywords', 'summary', 'reactions'] as const;
export type StoryField = (typeof STORY_FIELDS)[number];

export interface FieldTerms {
  /** Term ids of all stories, one story after another, repeats kept. */
  readonly ids: Int32Array;
  /** Story d's terms are ids[starts[d] .. starts[d + 1]). */
  readonly starts: Int32Array;
  /**
   * Text k of the field (counting every story's texts in order: its entities,
   * its keywords, or its one title) has the terms ids[textStarts[k] .. textStarts[k + 1]),
   * which are the ones it gives tokenised alone.
   */
  readonly textStarts: Int32Array;
  /** Story d's texts are k = storyTexts[d] .. storyTexts[d + 1] - 1. */
  readonly storyTexts: Int32Array;
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
  /**
   * Tokenises an entity or keyword of the stories, from the words already
   * worked out for the fields (a text no story holds would add its terms to
   * the vocabulary, in no document).
   */
  readonly tokenizeShort: (text: string) => string[];
}

export function tokenizeStories(stories: readonly Story[]): StoryTerms {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const intern = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };
  // Every text, entities and keywords too: the id tokenizer remembers each
  // distinct word, so "OpenAI" in a thousand stories is worked out once.
  const tokenizeIds = createIdTokenizer(intern);
  const n = stories.length;
  const shortIds = new IntList(16);
  const tokenizeShort = (text: string): string[] => {
    shortIds.length = 0;
    tokenizeIds(text, shortIds);
    return Array.from(shortIds.data.subarray(0, shortIds.length), (id) => terms[id] as string);
  };

  function build(texts: (story: Story) => readonly string[]): FieldTerms {
    const list = new IntList();
    const starts = new Int32Array(n + 1);
    const textStarts = new IntList(n + 1);
    const storyTexts = new Int32Array(n + 1);
    for (let d = 0; d < n; d++) {
      starts[d] = list.length;
      storyTexts[d] = textStarts.length;
      for (const text of texts(stories[d] as Story)) {
        textStarts.push(list.length);
        tokenizeIds(text, list);
      }
    }
    starts[n] = list.length;
    storyTexts[n] = textStarts.length;
    textStarts.push(list.length);
    return { ids: list.finish(), starts, textStarts: textStarts.finish(), storyTexts };
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
            ? build((s) => [s.title])
            : name === 'summary'
              ? build((s) => [s.summary])
              : name === 'entities'
                ? build((s) => s.entities)
                : name === 'keywords'
                  ? build((s) => s.keywords)
                  : build((s) => s.reactions.map((r) => r.summary));
        built.set(name, field);
      }
      return field;
    },
  };
}
