/**
 * The lexicon cut into its alternatives, with each alternative's anchor code (anchors.ts) and
 * the strings it matches when they are few (finite-forms.ts), computed from the patterns. The classifier reads these from lexicon-anchors.ts, generated from
 * this module, because the analysis is character-by-character work that would cost a fresh
 * background worker tens of milliseconds; a pattern whose row no longer fits (the lexicon was
 * edited and the table not regenerated) is analysed at run time instead.
 */
import {
  alternativeBars,
  anchorCode,
  anchorOf,
  cutAt,
  lowerPattern,
  type MatchMode,
} from './anchors';
import { finiteForms } from './finite-forms';
import { AI_LEXICON, TOPIC_CUES } from './lexicon';

/**
 * The strings an alternative matches (finite-forms.ts; lower-cased unless its mode is cased): 1
 * for the alternative itself (most are plain words), 2 for a plain word with an optional last
 * letter ("models?": models, model), a list, or 0 where it keeps its expression.
 */
export type FormsCode = readonly string[] | 0 | 1 | 2;

/** [pattern length, positions of its top-level bars, each alternative's anchor code and forms]. */
export type AnchorRow = readonly [
  number,
  readonly number[],
  readonly string[],
  readonly FormsCode[],
];

export interface AnchorTable {
  /** One row per AI_LEXICON entry, in its order. */
  lexicon: readonly AnchorRow[];
  /** One row per TOPIC_CUES entry, in its order. */
  topics: readonly AnchorRow[];
}

export const lexiconMode = (cs: boolean | undefined): MatchMode => (cs ? 'cased' : 'lower');

export function anchorRow(source: string, mode: MatchMode): AnchorRow {
  const bars = alternativeBars(source);
  const raw = cutAt(source, bars);
  const alts = raw.map((alt) => (mode === 'cased' ? alt : lowerPattern(alt)));
  const codes = alts.map((alt) => anchorCode(anchorOf(alt, true), mode));
  const forms = alts.map((alt, i): FormsCode => {
    const f = finiteForms(alt);
    if (f === null) return 0;
    const plain = caseOf(raw[i]!, mode);
    if (f.length === 1 && f[0] === plain) return 1;
    if (f.length === 2 && f[0] === plain.slice(0, -1) && f[1] === plain.slice(0, -2)) return 2;
    return f;
  });
  return [source.length, bars, codes, forms];
}

/** An alternative in the case its strings are looked for in. */
const caseOf = (alt: string, mode: MatchMode): string =>
  mode === 'cased' ? alt : alt.toLowerCase();

/** The strings an alternative matches, from its forms code, or null: it keeps its expression. */
export function formsOf(code: FormsCode, alt: string, mode: MatchMode): readonly string[] | null {
  if (code === 0) return null;
  if (code === 1) return [caseOf(alt, mode)];
  if (code === 2) {
    const plain = caseOf(alt, mode);
    return [plain.slice(0, -1), plain.slice(0, -2)];
  }
  return code;
}

export function computeAnchorTable(): AnchorTable {
  return {
    lexicon: AI_LEXICON.map((e) => anchorRow(e.re, lexiconMode(e.cs))),
    topics: TOPIC_CUES.map((c) => anchorRow(c.re, 'insensitive')),
  };
}

/** The row's alternatives and anchors when it still fits the pattern, else null. */
export function rowFits(row: AnchorRow | undefined, source: string): boolean {
  if (!row || row[0] !== source.length || row[2].length !== row[1].length + 1) return false;
  if (row[3].length !== row[2].length) return false;
  for (const bar of row[1]) if (source.charAt(bar) !== '|') return false;
  return true;
}
