/**
 * The beginnings of the words of one text, gathered once per classification, so that each
 * lexicon alternative can be asked cheaply whether its anchor (anchors.ts) is in the text. Built
 * with a few native string and regular-expression calls: on a fresh page the classifier runs as
 * interpreted code, where a loop over every character costs more than all the rest.
 *
 * The index is kept only when lower-casing maps the text character for character and keeps word
 * characters and the rest apart (not with a dotted capital I or a Kelvin sign): then a word that
 * begins somewhere in the text begins at the same place in the lower-cased text, and one index
 * serves the case-sensitive entries, the lower-cased ones and the topic cues' i flag alike.
 * Otherwise every alternative runs, as the whole lexicon did.
 */
import { PREFIX_LENGTH, WORD_CHAR_CLASS } from './anchors';

const NON_WORD = new RegExp(`[^${WORD_CHAR_CLASS.slice(1)}`, 'g');
const BEGINNINGS = new RegExp(`(?<!${WORD_CHAR_CLASS})${WORD_CHAR_CLASS}{${PREFIX_LENGTH}}`, 'g');

export interface TextIndex {
  text: string;
  /** text.toLowerCase() */
  lower: string;
  /**
   * The first PREFIX_LENGTH characters of every longer word of lower, in text order, repeats
   * included; null: no index, every alternative runs.
   */
  beginnings: string[] | null;
  /** Whether the text or its lower case has characters that WIDE matches. */
  wide: boolean;
}

/**
 * Characters outside Latin-1 and general punctuation, whose lower case may not be one
 * character of the same kind. Without them (most English pages) the text is aligned as it is.
 */
const BEYOND_LATIN1 = /[^\u0000-\u00ff\u2000-\u206f]/;
/** Characters of scripts after Greek (Cyrillic, Hebrew, Arabic, CJK…), bar punctuation. */
export const WIDE = /[^\u0000-\u036f\u2000-\u206f]/;

export function indexText(text: string, lower: string): TextIndex {
  const beyond = BEYOND_LATIN1.test(text);
  const aligned =
    lower.length === text.length &&
    (!beyond || text.replace(NON_WORD, ' ').toLowerCase() === lower.replace(NON_WORD, ' '));
  return {
    text,
    lower,
    beginnings: aligned ? (lower.match(BEGINNINGS) ?? []) : null,
    wide: beyond && (WIDE.test(text) || WIDE.test(lower)),
  };
}

/** An anchor code (anchor-table.ts): its kind (p, t, l; '' for none) and its text. */
export interface AnchorCheck {
  kind: string;
  value: string;
}

export function anchorCheck(code: string): AnchorCheck {
  return { kind: code.charAt(0), value: code.slice(1) };
}

/**
 * Whether an alternative with this anchor can match anywhere in the indexed text. Word
 * beginnings (p) are looked up the other way round, from the index's beginnings
 * (lexicon-units.ts); here they always may.
 */
export function mayMatch(check: AnchorCheck, index: TextIndex): boolean {
  if (index.beginnings === null) return true;
  switch (check.kind) {
    case 't':
      return index.text.includes(check.value);
    case 'l':
      return index.lower.includes(check.value);
    default:
      return true;
  }
}
