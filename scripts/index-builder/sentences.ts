/**
 * Cuts a post's text into sentences that can be quoted as they are. A quote is
 * always one whole sentence of the source, with runs of whitespace (line
 * wrapping) collapsed to one space; nothing else is changed. Sentences that
 * would read badly out of context (markup, links, list items, quoted replies,
 * other people's words) are skipped, never repaired.
 */
import { isMarkupFree } from '../../utils/index/schema';
import { normalizeSpace } from './text';

/** Same test the index validator applies: a quote with a tag would be refused. */
const MARKDOWN = /\*\*|\]\(|`|~~|\|\s|\s\||#\w|^\s*[-*+>#]\s|^\d+[.)]\s|\^|\\/;
const LINK = /https?:\/\/|www\.|\.com\b|\.ai\b|@\w/i;
const PROFANITY =
  /\b(fuck\w*|shit\w*|cunt\w*|bitch\w*|retard\w*|fag\w*|nigg\w*|dick\w*|asshole\w*)\b/i;
const END = /[.!?…]["'”’)]?$/;
const START = /^["'“‘(]?[A-Z0-9]/;

export const QUOTE_MIN = 40;
export const QUOTE_MAX = 280;

/** Lines that are not the author's own prose: quoted replies, list items, headings, table rows. */
const NOT_PROSE_LINE = /^\s*(>|&gt;|[-*+•]\s|\d+[.)]\s|#|\|)/;

/**
 * Runs of consecutive prose lines. A blank or non-prose line ends a run and is
 * dropped, so every block is one contiguous stretch of the source text.
 */
function proseBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
  };
  for (const line of text.split('\n')) {
    if (!line.trim() || NOT_PROSE_LINE.test(line)) flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

/** A period after these ends no sentence. */
const ABBREVIATION =
  /(^|[\s(])(Mr|Mrs|Ms|Dr|Prof|St|vs|etc|e\.g|i\.e|U\.S|Inc|Ltd|Jr|Sr|No|Fig|al)\.$/;

/** Sentences of the prose blocks, split after . ! ? … when a capital or digit follows. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of proseBlocks(text)) {
    const flat = normalizeSpace(block);
    if (!flat) continue;
    const re = /[.!?…]+["'”’)]?\s+(?=["'“‘(]?[A-Z0-9])/g;
    let start = 0;
    for (let m = re.exec(flat); m !== null; m = re.exec(flat)) {
      if (ABBREVIATION.test(flat.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
      const end = m.index + m[0].trimEnd().length;
      out.push(flat.slice(start, end).trim());
      start = m.index + m[0].length;
    }
    const tail = flat.slice(start).trim();
    if (tail) out.push(tail);
  }
  return out;
}

function mostlyLatin(s: string): boolean {
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  const latin = s.match(/[A-Za-z]/g)?.length ?? 0;
  return letters >= 20 && latin / letters >= 0.9 && letters / s.length >= 0.6;
}

/** Whether a sentence may be shown as a quote on its own. */
export function isQuotable(sentence: string): boolean {
  return (
    sentence.length >= QUOTE_MIN &&
    sentence.length <= QUOTE_MAX &&
    START.test(sentence) &&
    END.test(sentence) &&
    isMarkupFree(sentence) &&
    !MARKDOWN.test(sentence) &&
    !LINK.test(sentence) &&
    !PROFANITY.test(sentence) &&
    !/\b(RT|EDIT|Edit|Update|UPDATE):?\s/.test(sentence) &&
    !/[<>{}[\]]/.test(sentence) &&
    mostlyLatin(sentence)
  );
}

/** Quotable sentences of a text, in order, each as it appears there. */
export function quotableSentences(text: string): string[] {
  return splitSentences(text).filter(isQuotable);
}
