import { describe, expect, it } from 'vitest';
import { withoutForumLabel } from './forum-label';

describe('withoutForumLabel', () => {
  it("drops Hacker News' labels, whatever their case and spacing", () => {
    expect(withoutForumLabel('Ask HN: Norway bans AI in schools')).toBe(
      'Norway bans AI in schools',
    );
    expect(withoutForumLabel('show hn : A tiny agent')).toBe('A tiny agent');
    expect(withoutForumLabel('Launch HN: Foo (YC X25)')).toBe('Foo (YC X25)');
    expect(withoutForumLabel('Tell HN:Bar')).toBe('Bar');
  });

  it('drops a Reddit tag at the head, not one inside or at the end', () => {
    expect(withoutForumLabel('[WANTED] Moonshot K2 Jailbreak')).toBe('Moonshot K2 Jailbreak');
    expect(withoutForumLabel('[D] Is attention enough?')).toBe('Is attention enough?');
    expect(withoutForumLabel('Welcome to the Era of Experience [pdf]')).toBe(
      'Welcome to the Era of Experience [pdf]',
    );
  });

  it('leaves a title that only starts like a label, or is only a label', () => {
    expect(withoutForumLabel('Ask HNers: what do you run locally?')).toBe(
      'Ask HNers: what do you run locally?',
    );
    expect(withoutForumLabel('Show HN:')).toBe('Show HN:');
    expect(withoutForumLabel('[a tag far too long to be any forum label at all] x')).toBe(
      '[a tag far too long to be any forum label at all] x',
    );
  });
});
