import { describe, expect, it } from 'vitest';
import { DigitTermTable, entityKeyTerms, makeEntityKey } from './entity-keys';
import { makeStory } from './story-fixtures';
import { tokenizeStories } from './story-terms';

/** Each entity of one story, as the terms of its key. */
function keysOf(entities: string[]): string[][] {
  const terms = tokenizeStories([makeStory({ id: 'a', title: 'A', entities })]);
  const field = terms.field('entities');
  const digits = new DigitTermTable(terms.terms);
  const out: number[] = [];
  return entities.map((_, k) => {
    entityKeyTerms(field, k, terms.terms, digits, out);
    return out.map((t) => terms.terms[t] as string);
  });
}

describe('entityKeyTerms', () => {
  it('keys a model name by its longest joined form, other names by all their words', () => {
    expect(
      keysOf(['GPT-5', 'GPT 5', 'Qwen3-30B-A3B', 'Lilian Weng', 'Hugging Face Hugging']),
    ).toEqual([['gpt5'], ['gpt5'], ['qwen3_30ba3b'], ['lilian', 'weng'], ['hugging', 'face']]);
  });

  it('keys a name of one versioned word by that word, and a name without terms by nothing', () => {
    expect(keysOf(['o3', '—', 'DeepSeek R1'])).toEqual([['o3'], [], ['deepseekr1']]);
  });
});

describe('makeEntityKey', () => {
  it('gives a versioned name its family and joins the terms into its id', () => {
    expect(makeEntityKey('GPT-5', ['gpt5'], 3)).toEqual({
      name: 'GPT-5',
      terms: ['gpt5'],
      family: 'gpt',
      id: 'gpt5',
      stories: 3,
    });
    expect(makeEntityKey('Lilian Weng', ['lilian', 'weng'], 1)).toMatchObject({
      family: null,
      id: 'lilian weng',
    });
  });
});
