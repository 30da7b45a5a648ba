import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures';
import { readSources } from './run';
import { polarityScores, polarityScoresWithPackageTokenizer } from './vader-fast';

describe('vader-fast', () => {
  it('gives exactly the package tokenizer’s scores on real posts', () => {
    const texts = readSources([FIXTURES]).files.flatMap((f) => f.posts.map((p) => p.text));
    expect(texts.length).toBeGreaterThan(200);
    const differ = texts.filter(
      (t) =>
        JSON.stringify(polarityScores(t)) !== JSON.stringify(polarityScoresWithPackageTokenizer(t)),
    );
    expect(differ).toEqual([]);
  });
  it('scores sentiment like VADER', () => {
    expect(polarityScores('This is great!').compound).toBeGreaterThan(0.5);
    expect(polarityScores('This is terrible.').compound).toBeLessThan(-0.4);
  });
});
