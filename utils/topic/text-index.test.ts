import { describe, expect, it } from 'vitest';
import { anchorCheck, indexText, mayMatch } from './text-index';

const index = (text: string) => indexText(text, text.toLowerCase());

describe('indexText', () => {
  it('keeps the lower-cased beginnings of the words of four letters or more', () => {
    expect(index('OpenAI ships GPT-5 to all users').beginnings).toEqual(['open', 'ship', 'user']);
  });

  it('gives no index where lower-casing moves or joins words', () => {
    // A dotted capital I lower-cases to two characters.
    expect(index('İstanbul AI summit').beginnings).toBeNull();
    // The Kelvin sign is not a word character; its lower case k is.
    expect(index('\u212Aelvin scale').beginnings).toBeNull();
  });

  it('checks literals in the text as it is (t) or lower-cased (l)', () => {
    const i = index('Claude Code and 人工知能');
    expect(mayMatch(anchorCheck('tClaude'), i)).toBe(true);
    expect(mayMatch(anchorCheck('tCLAUDE'), i)).toBe(false);
    expect(mayMatch(anchorCheck('lclaude code'), i)).toBe(true);
    expect(mayMatch(anchorCheck('l人工知能'), i)).toBe(true);
    expect(mayMatch(anchorCheck('l機械学習'), i)).toBe(false);
    // Without an index every alternative may match.
    expect(mayMatch(anchorCheck('l機械学習'), index('İ'))).toBe(true);
  });
});
