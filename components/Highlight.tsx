import { highlightRanges } from '@/utils/match/search';

/**
 * Marks the words of a text that matched the query, as text nodes and <mark>s
 * (never HTML). Words are found with the search's own tokenizer, so "GPT-5"
 * is marked whole when the query matched it.
 */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const ranges = highlightRanges(text, terms);
  if (ranges.length === 0) return <>{text}</>;
  const parts: preact.ComponentChild[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
