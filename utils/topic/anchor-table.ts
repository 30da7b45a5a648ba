/**
 * The lexicon cut into its alternatives, with each alternative's anchor code (anchors.ts),
 * computed from the patterns. The classifier reads these from lexicon-anchors.ts, generated from
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
import { AI_LEXICON, TOPIC_CUES } from './lexicon';
import { plainLiterals } from './literals';

/** [pattern length, positions of its top-level bars, the anchor code of each alternative]. */
export type AnchorRow = readonly [number, readonly number[], readonly string[]];

export interface AnchorTable {
  /** One row per AI_LEXICON entry, in its order. */
  lexicon: readonly AnchorRow[];
  /** One row per TOPIC_CUES entry, in its order. */
  topics: readonly AnchorRow[];
}

export const lexiconMode = (cs: boolean | undefined): MatchMode => (cs ? 'cased' : 'lower');

export function anchorRow(source: string, mode: MatchMode): AnchorRow {
  const bars = alternativeBars(source);
  const codes = cutAt(source, bars).map(
    (alt) =>
      // A leading = marks a plain string (literals.ts), found without an expression.
      (plainLiterals(alt) !== null ? '=' : '') +
      anchorCode(anchorOf(mode === 'cased' ? alt : lowerPattern(alt), true), mode),
  );
  return [source.length, bars, codes];
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
  for (const bar of row[1]) if (source.charAt(bar) !== '|') return false;
  return true;
}
