/** Small formatting helpers shared by the sidebar, the popup and the options page. */
import { t } from '../i18n';

// Dates and counts are formatted by hand from the locale's messages (_locales: month names, the
// date pattern, the count suffixes), not with Intl: the first Intl formatter in a page's renderer
// loads ICU locale data, about 18 ms measured in Chromium, paid in the middle of painting the
// sidebar. tests/unit/format.test.ts checks the English messages against Intl's 'en' output.
let months: string[] | null = null;
let compactUnits: string[] | null = null;

function monthNames(): string[] {
  months ??= t('monthsShort').split('|');
  return months;
}

function units(): string[] {
  compactUnits ??= t('compactUnits').split('|');
  return compactUnits;
}

/** 1234 → "1.2K", 15000 → "15K", 999999 → "1M", as Intl's 'en' compact notation with one decimal. */
export function formatCount(n: number): string {
  if (!(Math.abs(n) >= 1000) || !Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const suffixes = units();
  let unit = Math.min(suffixes.length - 1, Math.floor(Math.log10(Math.abs(n)) / 3));
  let tenths = Math.round(Math.abs(n) / 10 ** (unit * 3 - 1));
  // Rounding up to 1000 of a unit is 1 of the next (999,950 → "1M").
  if (tenths >= 10_000 && unit < suffixes.length - 1) {
    unit += 1;
    tenths = Math.round(tenths / 1000);
  }
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10;
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}${suffixes[unit] ?? ''}`;
}

export function percent(share: number): number {
  return Math.round(share * 100);
}

/** Whole days from the first to the last post, counting both ends. */
export function daySpan(firstSeen: string, lastSeen: string): number {
  const a = Date.parse(firstSeen.slice(0, 10));
  const b = Date.parse(lastSeen.slice(0, 10));
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return 1;
  return Math.round((b - a) / 86_400_000) + 1;
}

/** "Aug 5, 2025" (the day in UTC) in English, as Intl's 'en' medium date. */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const month = monthNames()[d.getUTCMonth()] ?? String(d.getUTCMonth() + 1);
  return t('dateMedium', [month, d.getUTCDate(), d.getUTCFullYear()]);
}

/** Only http(s) links are ever rendered; anything else is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
