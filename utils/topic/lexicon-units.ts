/**
 * The lexicon (and the topic cues) as a list of alternatives, each matched on its own between
 * the word boundaries and compiled the first time a text can match it. All of an entry's
 * alternatives, in the entry order of the old single alternation, find what it found
 * (scan.ts); an alternative whose anchor is not in the text (anchors.ts, text-index.ts) cannot
 * match there and is left out, so a page pays only for the few parts of the lexicon it can
 * match.
 */
import { cutAt, lowerPattern, WORD_CHAR_CLASS, type MatchMode } from './anchors';
import { anchorRow, lexiconMode, rowFits, type AnchorRow } from './anchor-table';
import { AI_LEXICON, TOPIC_CUES, type LexiconEntry } from './lexicon';
import { LEXICON_ANCHORS } from './lexicon-anchors';
import { anchorCheck, mayMatch, type AnchorCheck, type TextIndex } from './text-index';
import type { AiTopicId } from './topics';

const W = WORD_CHAR_CLASS;
export const bounded = (re: string) => `(?<!${W})(?:${re})(?!${W})`;

export interface Unit {
  /** The lexicon entry it belongs to (null for a topic cue). */
  entry: LexiconEntry | null;
  /** Index in TOPIC_CUES, for a topic cue. */
  topic: number;
  alt: string;
  mode: MatchMode;
  check: AnchorCheck;
  re?: RegExp;
  /** A lower-cased alternative with the i flag, for a text whose length changes in lower case. */
  reInsensitive?: RegExp;
}

function alternatives(source: string, mode: MatchMode, row: AnchorRow | undefined) {
  const fit = rowFits(row, source) ? row! : anchorRow(source, mode);
  return cutAt(source, fit[1]).map((alt, i) => ({ alt, check: anchorCheck(fit[2][i]!) }));
}

function lexiconUnits(caseSensitive: boolean): Unit[] {
  const mode = lexiconMode(caseSensitive);
  // Generic (gated) entries go last: at any one position the alternation takes
  // the first entry that matches, and "humanoid robots" should be read as the
  // phrase, not as the generic "humanoid".
  return AI_LEXICON.map((entry, i) => ({ entry, row: LEXICON_ANCHORS.lexicon[i] }))
    .filter(({ entry }) => Boolean(entry.cs) === caseSensitive)
    .sort((a, b) => Number(Boolean(a.entry.gate)) - Number(Boolean(b.entry.gate)))
    .flatMap(({ entry, row }) =>
      alternatives(entry.re, mode, row).map((a) => ({ ...a, entry, topic: -1, mode })),
    );
}

const CASED = lexiconUnits(true);
const LOWER = lexiconUnits(false);
const CUES = TOPIC_CUES.flatMap((c, topic) =>
  alternatives(c.re, 'insensitive', LEXICON_ANCHORS.topics[topic]).map((a): Unit => ({
    ...a,
    entry: null,
    topic,
    mode: 'insensitive',
  })),
);
const ALL = [...CASED, ...LOWER, ...CUES];
/** Units by the word beginning their anchor needs. */
const BY_BEGINNING = new Map<string, number[]>();
/** Units with any other anchor, or none. */
const OTHERS: number[] = [];
ALL.forEach((u, id) => {
  if (u.check.kind === 'p') {
    const list = BY_BEGINNING.get(u.check.value);
    if (list) list.push(id);
    else BY_BEGINNING.set(u.check.value, [id]);
  } else OTHERS.push(id);
});

export function compiled(u: Unit, insensitive = false): RegExp {
  if (u.mode === 'cased') return (u.re ??= new RegExp(bounded(u.alt), 'gu'));
  if (u.mode === 'insensitive') return (u.re ??= new RegExp(bounded(u.alt), 'gi'));
  return insensitive
    ? (u.reInsensitive ??= new RegExp(bounded(lowerPattern(u.alt)), 'gi'))
    : (u.re ??= new RegExp(bounded(lowerPattern(u.alt)), 'g'));
}

export interface ActiveUnits {
  /** Case-sensitive lexicon alternatives, in alternation order. */
  cased: Unit[];
  /** Lower-cased lexicon alternatives, in alternation order. */
  lower: Unit[];
  /** Each topic cue's alternatives (TOPIC_CUES order), in alternation order. */
  topics: { topic: AiTopicId; units: Unit[] }[];
}

/** The alternatives that can match somewhere in the indexed text. */
export function activeUnits(index: TextIndex): ActiveUnits {
  const out: ActiveUnits = {
    cased: [],
    lower: [],
    topics: TOPIC_CUES.map((c) => ({ topic: c.topic, units: [] })),
  };
  let ids: ArrayLike<number>;
  if (index.beginnings === null) ids = ALL.map((_, id) => id);
  else {
    const seen = new Uint8Array(ALL.length);
    const found: number[] = [];
    for (const b of index.beginnings) {
      const list = BY_BEGINNING.get(b);
      if (list === undefined) continue;
      for (const id of list)
        if (seen[id] === 0) {
          seen[id] = 1;
          found.push(id);
        }
    }
    for (const id of OTHERS) if (mayMatch(ALL[id]!.check, index)) found.push(id);
    // Back into alternation order (a typed array sorts numerically, natively).
    ids = Uint16Array.from(found).sort();
  }
  for (let i = 0; i < ids.length; i++) {
    const u = ALL[ids[i]!]!;
    if (u.mode === 'cased') out.cased.push(u);
    else if (u.mode === 'lower') out.lower.push(u);
    else out.topics[u.topic]!.units.push(u);
  }
  return out;
}
