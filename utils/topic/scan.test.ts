import { describe, expect, it } from 'vitest';
import { splitAlternatives } from './anchors';
import { scanAll } from './scan';

/** Every match of the whole alternation: [start, text]. */
function whole(source: string, subject: string): [number, string][] {
  const re = new RegExp(`(?<![a-z])(?:${source})(?![a-z])`, 'g');
  return [...subject.matchAll(re)].map((m) => [m.index, m[0]]);
}

function split(source: string, subject: string): [number, string][] {
  const out: [number, string][] = [];
  const expressions = splitAlternatives(source).map(
    (alt) => new RegExp(`(?<![a-z])(?:${alt})(?![a-z])`, 'g'),
  );
  scanAll(expressions, subject, (_, start, text) => {
    out.push([start, text]);
  });
  return out;
}

describe('scanAll', () => {
  const cases: [string, string][] = [
    ['ab|abc|bcd', 'abc bcd abcd ab'],
    // At one place the earlier alternative wins, even when a later one is longer.
    ['open|open source|source', 'open source source open'],
    // Overlapping matches of one alternative: only what the alternation would see.
    ['a b|b c|c d', 'a b c d b c d'],
    ['x+y|y+z|xy z', 'xxy yyz xy z xyz'],
    ['agents?|agent smith|smith', 'agent smith agents smiths smith'],
  ];
  it.each(cases)('finds what the whole alternation %s finds', (source, subject) => {
    expect(split(source, subject)).toEqual(whole(source, subject));
  });

  it('stops when asked', () => {
    let n = 0;
    scanAll([/a/g, /b/g], 'ababab', () => ++n < 3);
    expect(n).toBe(3);
  });
});
