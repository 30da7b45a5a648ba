/**
 * formatCount and formatDay are written by hand (no Intl at render time, see
 * utils/story/format.ts); here Intl's 'en' output is the oracle they must match.
 */
import { describe, expect, it } from 'vitest';
import { formatCount, formatDay } from '@/utils/story/format';
import { seededRng } from './seeded-rng';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const medium = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

describe('formatCount', () => {
  it('matches Intl compact notation on edges and a seeded spread of counts', () => {
    const edges = [0, 1, 999, 1000, 1049, 1050, 1099, 1949, 1950, 9_999, 99_949, 99_950, 999_949];
    const more = [
      999_950, 999_999, 1_000_000, 1_050_000, 999_950_000, 1e9, 2.5e12, 999_999_999_999,
    ];
    const rng = seededRng(20251125);
    const random = Array.from({ length: 5000 }, () => Math.floor(10 ** (rng() * 13)));
    for (const n of [...edges, ...more, ...random])
      expect(formatCount(n), String(n)).toBe(compact.format(n));
  });
});

describe('formatDay', () => {
  it('matches Intl medium dates in UTC, whatever the time of day', () => {
    const rng = seededRng(7);
    for (let i = 0; i < 2000; i++) {
      const iso = new Date(
        Date.UTC(1995, 0, 1) + Math.floor(rng() * 40 * 365 * 86_400_000),
      ).toISOString();
      expect(formatDay(iso), iso).toBe(medium.format(new Date(iso)));
    }
    expect(formatDay('2025-08-05')).toBe('Aug 5, 2025');
  });

  it('shows an unreadable date as given', () => {
    expect(formatDay('not a date, really')).toBe('not a date');
  });
});
