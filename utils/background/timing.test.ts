import { afterEach, describe, expect, it } from 'vitest';
import { timed } from './timing';

const NAME = 'crosstalk:test';

afterEach(() => performance.clearMeasures(NAME));

describe('timed', () => {
  it('returns the work’s result and records one measure spanning it', () => {
    const result = timed(NAME, () => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return 42;
    });
    expect(result).toBe(42);
    const entries = performance.getEntriesByName(NAME, 'measure');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.duration).toBeGreaterThanOrEqual(1.5);
  });

  it('records the measure when the work throws, and rethrows', () => {
    expect(() =>
      timed(NAME, () => {
        throw new Error('broken reading');
      }),
    ).toThrow('broken reading');
    expect(performance.getEntriesByName(NAME, 'measure')).toHaveLength(1);
  });

  it('keeps at most 100 entries of a name', () => {
    for (let i = 0; i < 250; i++) timed(NAME, () => i);
    const kept = performance.getEntriesByName(NAME, 'measure').length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(100);
  });
});
