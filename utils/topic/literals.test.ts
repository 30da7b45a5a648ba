import { describe, expect, it } from 'vitest';
import { WORD_CHAR_CLASS } from './anchors';
import { findLiteral, isWordCode } from './literals';

describe('isWordCode', () => {
  it('agrees with WORD_CHAR_CLASS on every UTF-16 code unit', () => {
    const re = new RegExp(`^${WORD_CHAR_CLASS}$`);
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (isWordCode(c) !== re.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('findLiteral', () => {
  it('finds what the bounded expression finds, from the same place', () => {
    const subject = 'agents, subagents and agent_x; agent. été-agent';
    const re = new RegExp(`(?<!${WORD_CHAR_CLASS})(?:agent)(?!${WORD_CHAR_CLASS})`, 'g');
    for (let from = 0; from <= subject.length; from++) {
      re.lastIndex = from;
      expect(findLiteral(subject, 'agent', from)).toBe(re.exec(subject)?.index ?? -1);
    }
  });
});
