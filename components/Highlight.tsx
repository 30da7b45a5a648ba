/** Marks the query terms inside a text, as text nodes and <mark>s (never HTML). */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const wanted = terms.filter((term) => term.length > 1).map((term) => term.toLowerCase());
  if (wanted.length === 0) return <>{text}</>;
  const escaped = wanted.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'gi');
  const parts = text.split(pattern);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}
