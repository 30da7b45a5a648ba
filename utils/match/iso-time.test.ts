import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time';
import { seededRng } from '../../tests/unit/seeded-rng';

/** What isoTime must equal: Date.parse, with 0 for what does not parse. */
const reference = (text: string) => {
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? 0 : parsed;
};

describe('isoTime', () => {
  it('reads the index form, with and without milliseconds', () => {
    expect(isoTime('2025-08-07T17:00:00Z')).toBe(Date.UTC(2025, 7, 7, 17, 0, 0));
    expect(isoTime('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });

  it('agrees with Date.parse on other forms, impossible values and junk', () => {
    for (const text of [
      '2025-08-07',
      '2025-08-07T17:00:00+02:00',
      '2025-08-07T17:00:00.5Z',
      '2025-02-29T00:00:00Z',
      '2025-13-01T00:00:00Z',
      '2025-04-31T00:00:00Z',
      '2025-08-07T24:00:00Z',
      '2025-08-07T23:60:00Z',
      '0050-01-01T00:00:00Z',
      '2025-08-0xT17:00:00Z',
      '2025-08-07 17:00:00Z',
      '',
      'yesterday',
    ]) {
      expect(isoTime(text), text).toBe(reference(text));
    }
  });

  it('agrees with Date.parse on random times of the index form', () => {
    const random = seededRng(7);
    for (let i = 0; i < 2000; i++) {
      const text = new Date(Date.UTC(1990, 0, 1) + random() * 60 * 365 * 86_400_000).toISOString();
      const form = i % 2 === 0 ? text : `${text.slice(0, 19)}Z`;
      expect(isoTime(form), form).toBe(reference(form));
    }
  });
});
