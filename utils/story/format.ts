/** Small, pure formatting helpers shared by the sidebar and the popup. */

// Intl formatters are made on first use and kept: building one costs about a millisecond (far
// more for the first, which loads locale data), too much at sidebar.js's evaluation or per row.
let compact: Intl.NumberFormat | null = null;
let dayFormat: Intl.DateTimeFormat | null = null;

export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  compact ??= new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
  return compact.format(n);
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

export function formatDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  dayFormat ??= new Intl.DateTimeFormat('en', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return dayFormat.format(d);
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
