/** Small, pure formatting helpers shared by the sidebar and the popup. */

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return n < 1000 ? String(n) : compact.format(n);
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
  return d.toLocaleDateString('en', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
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
