import { describe, expect, it } from 'vitest';
import { baselineIsAi } from './baseline';
import { count, emptyCounts, prf, quantile, tokenF1, tokens } from './metrics';

describe('evaluation measures', () => {
  it('counts precision, recall and F1', () => {
    const c = emptyCounts();
    for (const [p, a] of [
      [true, true],
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const)
      count(c, p, a);
    const r = prf(c);
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo(2 / 3);
    expect(r.n).toBe(5);
  });

  it('tokenises words and CJK characters', () => {
    expect(tokens('Hello, World! 人工智能 GPT-5')).toEqual([
      'hello',
      'world',
      '人',
      '工',
      '智',
      '能',
      'gpt',
      '5',
    ]);
  });

  it('scores token overlap as a bag (repeats count once each)', () => {
    expect(tokenF1('a b c', 'a b c').f1).toBe(1);
    expect(tokenF1('', '').f1).toBe(1);
    expect(tokenF1('x', '').f1).toBe(0);
    const f = tokenF1('a a b', 'a b c d');
    expect(f.precision).toBeCloseTo(2 / 3);
    expect(f.recall).toBeCloseTo(2 / 4);
  });

  it('takes quantiles by nearest rank', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([], 0.5)).toBe(0);
  });

  it('baseline: twenty plain words, no ambiguity rules', () => {
    expect(baselineIsAi('OpenAI launches GPT-5')).toBe(true);
    expect(baselineIsAi('Claude Monet at the Orangerie')).toBe(true); // the baseline's known weakness
    expect(baselineIsAi('Thai food said to be great')).toBe(false);
  });
});
