import { describe, expect, it } from 'vitest';
import { activeUnits } from './lexicon-units';
import { indexText } from './text-index';

const activeAlternatives = (text: string) => {
  const a = activeUnits(indexText(text, text.toLowerCase()));
  return [...a.cased, ...a.lower, ...a.topics.flatMap((t) => t.units)].map((u) => u.alt);
};

describe('activeUnits', () => {
  it('leaves out an alternative whose anchor word is only begun in the text', () => {
    // "installed" and "instead" begin like "-Instruct", but the word is not in the text.
    expect(
      activeAlternatives('We installed it instead.').filter((a) => a.includes('Instruct')),
    ).toEqual([]);
    expect(
      activeAlternatives('Qwen2.5-7B-Instruct is out').filter((a) => a.includes('Instruct')),
    ).toEqual(['[A-Za-z0-9.]+-Instruct']);
  });
});
