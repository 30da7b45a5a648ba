import { describe, expect, it } from 'vitest';
import { nameSpeller, oneEdit } from './name-typos';

describe('oneEdit', () => {
  it('tells a swap from a letter added, dropped or changed', () => {
    expect(oneEdit('chatgtp', 'chatgpt')).toBe('swap');
    expect(oneEdit('antropic', 'anthropic')).toBe('other');
    expect(oneEdit('deepsseek', 'deepseek')).toBe('other');
    expect(oneEdit('amthropic', 'anthropic')).toBe('other');
  });

  it('finds no single edit between equal words or words two edits apart', () => {
    expect(oneEdit('deepseek', 'deepseek')).toBeNull();
    expect(oneEdit('antropik', 'anthropic')).toBeNull();
    expect(oneEdit('abcd', 'badc')).toBeNull();
  });
});

describe('nameSpeller', () => {
  const speller = nameSpeller(['anthropic', 'deepseek', 'chatgpt', 'mistral', 'whisper', 'openai']);

  it('reads a slip in a long name as the name', () => {
    expect(speller.correct('antropic')).toBe('anthropic');
    expect(speller.correct('deepsek')).toBe('deepseek');
    expect(speller.correct('chatgtp')).toBe('chatgpt');
  });

  it('asks eight letters of any edit but a swap: shorter names are one edit from real words', () => {
    expect(speller.correct('mistrial')).toBeNull();
    expect(speller.correct('whisker')).toBeNull();
    expect(speller.correct('openapi')).toBeNull();
    expect(speller.correct('mistarl')).toBe('mistral');
  });

  it('leaves a slip of the first letter, a word with digits and an ambiguous word alone', () => {
    expect(speller.correct('znthropic')).toBeNull();
    expect(speller.correct('deepsek3')).toBeNull();
    const twins = nameSpeller(['marketing', 'marketink']);
    expect(twins.correct('marketin')).toBeNull();
  });
});
