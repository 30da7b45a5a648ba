/**
 * The lexicon (and the topic cues) as a list of alternatives, each matched on its own between
 * the word boundaries and compiled the first time a text can match it. All of an entry's
 * alternatives, in the entry order of the old single alternation, find what it found
 * (scan.ts); an alternative whose anchor is not in the text (anchors.ts, text-index.ts) cannot
 * match there and is left out, so a page pays only for the few parts of the lexicon it can
 * match.
 */
import { cutAt, lowerPattern, PREFIX_LENGTH, WORD_CHAR_CLASS, type MatchMode } from './anchors';
import { anchorRow, formsOf, lexiconMode, rowFits, type AnchorRow } from './anchor-table';
import { AI_LEXICON, TOPIC_CUES, type LexiconEntry } from './lexicon';
import { LEXICON_ANCHORS } from './lexicon-anchors';
import { anchorCheck, mayMatch, WIDE, type AnchorCheck, type TextIndex } from './text-index';
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
  /**
   * The strings it matches, in the order they are tried (finite-forms.ts; lower-cased unless
   * cased), or null where it keeps its expression.
   */
  forms: readonly string[] | null;
}

function alternatives(source: string, mode: MatchMode, row: AnchorRow | undefined) {
  const fit = rowFits(row, source) ? row! : anchorRow(source, mode);
  return cutAt(source, fit[1]).map((alt, i) => ({
    alt,
    check: anchorCheck(fit[2][i]!),
    forms: formsOf(fit[3][i]!, alt, mode),
  }));
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
/**
 * Units by the word beginning their anchor needs (the first PREFIX_LENGTH characters of the
 * anchor's word: the text index keeps no more).
 */
const BY_BEGINNING = new Map<string, number[]>();
/** Units with any other anchor, or none. */
const OTHERS: number[] = [];
/** Units whose anchor has characters of the scripts text-index.ts WIDE matches. */
const WIDE_OTHERS: number[] = [];
ALL.forEach((u, id) => {
  if (u.check.kind === 'p') {
    const beginning = u.check.value.slice(0, PREFIX_LENGTH);
    const list = BY_BEGINNING.get(beginning);
    if (list) list.push(id);
    else BY_BEGINNING.set(beginning, [id]);
  } else (WIDE.test(u.check.value) ? WIDE_OTHERS : OTHERS).push(id);
});

export function compiled(u: Unit, insensitive = false): RegExp {
  if (u.mode === 'cased') return (u.re ??= new RegExp(bounded(u.alt), 'gu'));
  if (u.mode === 'insensitive') return (u.re ??= new RegExp(bounded(u.alt), 'gi'));
  return insensitive
    ? (u.reInsensitive ??= new RegExp(bounded(lowerPattern(u.alt)), 'gi'))
    : (u.re ??= new RegExp(bounded(lowerPattern(u.alt)), 'g'));
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * What scan.ts runs for these units, in their order: the strings where an alternative matches a
 * few strings (finite-forms.ts), in the order they are tried, else its expression. `lowerSubject`: the lower-cased subject has the subject's length
 * (for the lower-cased units; for the topic cues, the field is aligned, text-index.ts), so
 * strings are looked for in it; for the topic cues only ASCII strings, which the i flag matches
 * exactly as the lower case does.
 */
export function matchers(
  units: readonly Unit[],
  lowerSubject: boolean,
): { expressions: (RegExp | string)[]; owners: Unit[] } {
  const expressions: (RegExp | string)[] = [];
  const owners: Unit[] = [];
  for (const u of units) {
    const literals = u.mode === 'cased' || lowerSubject ? u.forms : null;
    if (literals !== null && (u.mode !== 'insensitive' || ASCII.test(u.alt)))
      for (const l of literals) {
        expressions.push(l);
        owners.push(u);
      }
    else {
      expressions.push(compiled(u, u.mode === 'lower' && !lowerSubject));
      owners.push(u);
    }
  }
  return { expressions, owners };
}

export interface ActiveUnits {
  /** Case-sensitive lexicon alternatives, in alternation order. */
  cased: Unit[];
  /** Lower-cased lexicon alternatives, in alternation order. */
  lower: Unit[];
  /** Each topic cue's alternatives (TOPIC_CUES order), in alternation order. */
  topics: { topic: AiTopicId; units: Unit[] }[];
  /** Whether the field's lower case is aligned with it (text-index.ts). */
  aligned: boolean;
  /**
   * No index: every alternative, matched as the one alternation it was (combined()), since
   * compiling each of them on its own would cost several times more.
   */
  all: boolean;
}

/** All the units of a list as one alternation, with one capturing group per unit, in order. */
function alternation(units: readonly Unit[], lower: boolean, flags: string): RegExp {
  const groups = units.map((u) => `(${lower ? lowerPattern(u.alt) : u.alt})`);
  return new RegExp(bounded(groups.join('|')), flags);
}

const combinedCache = new Map<string, RegExp>();

/**
 * The alternation of all the units of a list (CASED, LOWER, or one topic's), for a text without
 * an index: `cased`, `lower` (against the lower-cased text), `insensitive` (the lower-cased
 * units with the i flag), or `topic:<index>`.
 */
export function combined(which: string): RegExp {
  let re = combinedCache.get(which);
  if (re === undefined) {
    if (which === 'cased') re = alternation(CASED, false, 'gu');
    else if (which === 'lower') re = alternation(LOWER, true, 'g');
    else if (which === 'insensitive') re = alternation(LOWER, true, 'gi');
    else {
      const topic = Number(which.slice('topic:'.length));
      re = alternation(
        CUES.filter((u) => u.topic === topic),
        false,
        'gi',
      );
    }
    combinedCache.set(which, re);
  }
  return re;
}

/** No alternative at all (for an empty field). */
export function noUnits(): ActiveUnits {
  return {
    cased: [],
    lower: [],
    topics: TOPIC_CUES.map((c) => ({ topic: c.topic, units: [] })),
    aligned: true,
    all: false,
  };
}

/** The alternatives that can match somewhere in the indexed text. */
export function activeUnits(index: TextIndex): ActiveUnits {
  const out = noUnits();
  out.aligned = index.beginnings !== null;
  out.all = index.beginnings === null;
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
          // A word that begins like the anchor's ("inst" for "instruct") is not yet the word.
          const word = ALL[id]!.check.value;
          if (word.length === PREFIX_LENGTH || index.lower.includes(word)) found.push(id);
        }
    }
    for (const id of OTHERS) if (mayMatch(ALL[id]!.check, index)) found.push(id);
    // Not one of those characters in the text: none of these anchors can be in it.
    if (index.wide)
      for (const id of WIDE_OTHERS) if (mayMatch(ALL[id]!.check, index)) found.push(id);
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
