/**
 * Is a text about AI, how strongly, and which AI topics? A weighted lexicon
 * (utils/topic/lexicon.ts) matched with script-aware word boundaries, where
 * the title counts most, the URL's words a little and the body by density, so
 * that one passing mention of "AI" in a long article about something else does
 * not make it an AI story. Small and synchronous: it runs on every page.
 */
import { lowerPattern } from './anchors';
import type { LexiconEntry } from './lexicon';
import {
  activeUnits,
  combined,
  matchers,
  noUnits,
  type ActiveUnits,
  type Unit,
} from './lexicon-units';
import { scanAll, scanCombined } from './scan';
import { indexText } from './text-index';
import type { AiTopicId } from './topics';

export interface ClassifyInput {
  title: string;
  text?: string;
  lang?: string | null;
  url?: string | null;
  /** More addresses whose path words count like the url's (a thread's discussed link). */
  moreUrls?: (string | null | undefined)[];
}

export interface Classification {
  ai: boolean;
  /** 0..1; 0.5 and above means about AI. */
  score: number;
  /** Most salient first; empty when not about AI. */
  topics: AiTopicId[];
}

/** Evidence (in title units) at which a text is called about AI. */
const THRESHOLD = 1;
/** Characters of body text examined; the lead is what matters. */
const MAX_TEXT_CHARS = 20_000;
const MAX_TOPICS = 3;
const REPEAT_EXPONENT = 0.75;
/** Mentions of one term counted in the body. */
const BODY_REPEAT_CAP = 20;

interface Hit {
  entry: LexiconEntry;
  key: string;
  start: number;
  end: number;
}

/** The lexicon's hits in one field, given the alternatives that can match in it. */
function findHits(text: string, lowered: string, active: ActiveUnits): Hit[] {
  const hits: Hit[] = [];
  if (!text) return hits;
  const sameLength = lowered.length === text.length;
  const passes: [ReturnType<typeof matchers>, string][] = active.all
    ? []
    : [
        [matchers(active.cased, false), text],
        // The lower-cased entries run on the lower-cased text, or with the i flag on a text whose
        // length changes in lower case (a Turkish dotted İ), where the offsets would not fit.
        [matchers(active.lower, sameLength), sameLength ? lowered : text],
      ];
  const onMatch = (units: Unit[]) => (i: number, start: number, g: string) => {
    hits.push({ entry: units[i]!.entry!, key: g.toLowerCase(), start, end: start + g.length });
  };
  if (active.all) {
    scanCombined(combined('cased'), text, onMatch(active.cased));
    if (sameLength) scanCombined(combined('lower'), lowered, onMatch(active.lower));
    else scanCombined(combined('insensitive'), text, onMatch(active.lower));
  } else
    for (const [{ expressions, owners }, subject] of passes)
      scanAll(expressions, subject, onMatch(owners));
  // The case-sensitive and the case-insensitive pass can both match the same
  // words ("Claude Code" and "Claude"): keep the longest of overlapping hits.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.start >= lastEnd) {
      kept.push(h);
      lastEnd = h.end;
    }
  }
  return kept;
}

function primaryLang(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return primary || null;
}

/** Each veto compiled twice: for the lower-cased text, and with the i flag as a fallback. */
const vetoCache = new Map<LexiconEntry, { lower: RegExp; insensitive: RegExp }>();

/** The whole text of one call, with each entry's veto tested at most once. */
interface Whole {
  text: string;
  /** text in lower case, or null when lower-casing changed its length. */
  lower: string | null;
  vetoes: Map<LexiconEntry, boolean>;
}

function vetoed(entry: LexiconEntry, whole: Whole): boolean {
  if (!entry.veto) return false;
  const known = whole.vetoes.get(entry);
  if (known !== undefined) return known;
  let re = vetoCache.get(entry);
  if (!re) {
    re = { lower: new RegExp(lowerPattern(entry.veto)), insensitive: new RegExp(entry.veto, 'i') };
    vetoCache.set(entry, re);
  }
  const v = whole.lower !== null ? re.lower.test(whole.lower) : re.insensitive.test(whole.text);
  whole.vetoes.set(entry, v);
  return v;
}

/** How much a hit counts, given the page's language and the whole text. */
function hitWeight(
  entry: LexiconEntry,
  lang: string | null,
  whole: Whole,
): { weight: number; gated: boolean } {
  if (vetoed(entry, whole)) return { weight: 0, gated: true };
  if (entry.langs) {
    if (lang === null) return { weight: entry.weight, gated: true };
    if (!entry.langs.includes(lang)) return { weight: 0, gated: true };
  }
  return { weight: entry.weight, gated: Boolean(entry.gate) };
}

interface FieldEvidence {
  strong: number;
  weak: number;
  weakKeys: Set<string>;
  topics: Map<AiTopicId, number>;
}

/** A field of the input, with the parts of the lexicon that can match in it. */
interface Field {
  text: string;
  lower: string;
  active: ActiveUnits;
}

const EMPTY_FIELD: Field = { text: '', lower: '', active: noUnits() };

function field(text: string): Field {
  // Nothing matches in an empty field (no alternative matches the empty string).
  if (!text) return EMPTY_FIELD;
  const lower = text.toLowerCase();
  // Each field is indexed on its own: the title's few words leave out most of
  // what the body needs, and every alternative left out is one not compiled.
  return { text, lower, active: activeUnits(indexText(text, lower)) };
}

function fieldEvidence(
  { text, lower, active }: Field,
  lang: string | null,
  whole: Whole,
  perHitCap: number,
  strongScale: (key: string) => number = () => 1,
): FieldEvidence {
  const ev: FieldEvidence = { strong: 0, weak: 0, weakKeys: new Set(), topics: new Map() };
  const counts = new Map<string, number>();
  for (const hit of findHits(text, lower, active)) {
    const n = (counts.get(hit.key) ?? 0) + 1;
    counts.set(hit.key, n);
    if (n > perHitCap) continue;
    const base = hitWeight(hit.entry, lang, whole);
    // Repeats count less and less (n^0.75 in total): thirty mentions of "AI"
    // say more than four, but not seven times more.
    const weight = base.weight * (n ** REPEAT_EXPONENT - (n - 1) ** REPEAT_EXPONENT);
    const gated = base.gated;
    if (weight === 0) continue;
    if (gated) {
      ev.weak += weight;
      ev.weakKeys.add(hit.key);
    } else {
      ev.strong += weight * strongScale(hit.key);
    }
    for (const t of hit.entry.topics ?? []) ev.topics.set(t, (ev.topics.get(t) ?? 0) + weight);
  }
  return ev;
}

/** The acronyms a lower-case slug writes in lower case (ai, agi, llm, gpt). */
const SLUG_ACRONYM = 'ai|agi|llms?|gpt';
const SLUG_ACRONYMS = new RegExp(`(?<![a-z0-9])(?:${SLUG_ACRONYM})(?![a-z0-9])`, 'gi');
const SLUG_ACRONYM_KEY = new RegExp(`^(?:${SLUG_ACRONYM}|ais|gpts)$`);

/**
 * How much a sure term in an address counts against one in the title. A name (openai.com,
 * /anthropic-outage/, r/LocalLLaMA, /deepmind-media/) is as specific in an address as in a
 * title: 0.85, so that the surest names (weight S) decide alone and the "barely enough" ones
 * (weight A: MoE, which a .moe host also spells) still need support. A bare acronym counts half:
 * it is an .ai domain, a site's AI section or a slug's last word on pages about something else.
 * On the labelled Hacker News titles read with their links (dev), 7 more AI titles and no
 * other title are called about AI than at a flat half.
 */
function urlStrongScale(key: string): number {
  return SLUG_ACRONYM_KEY.test(key) ? 0.5 : 0.85;
}

/** The words of a URL's path, so that a slug such as /ai-regulation/ counts. */
export function urlWords(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    let path = u.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // malformed escapes: keep the raw path
    }
    const host = u.hostname.replace(/^www\./, '');
    const words = `${host} ${path}`.replace(/[-_/.+=?&%]+/g, ' ').trim();
    // Slugs are lower-case: give the acronyms back their capitals.
    return words.replace(SLUG_ACRONYMS, (w) => w.toUpperCase());
  } catch {
    return '';
  }
}

// Han, kana and Hangul: no spaces between words, about 2.5 characters a word.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
/** Runs of characters that are neither spaces (code 32 and below) nor Han, kana or Hangul. */
const SPACED_WORDS = /[^\u0000-\u0020\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+/g;

// Counted with native matching rather than a loop over the characters: on a
// fresh page this code runs interpreted, where such a loop costs a millisecond.
function countWords(text: string): number {
  const words = text.match(SPACED_WORDS)?.length ?? 0;
  const cjk = text.length - text.replace(CJK, '').length;
  return words + Math.round(cjk / 2.5);
}

function topicScores(
  text: string,
  lower: string,
  into: Map<AiTopicId, number>,
  weight: number,
  active: ActiveUnits,
): void {
  for (const [i, { topic, units }] of active.topics.entries()) {
    let n = 0;
    if (active.all) scanCombined(combined(`topic:${i}`), text, () => ++n < 5);
    else scanAll(matchers(units, active.aligned).expressions, text, () => ++n < 5, lower);
    if (n > 0) into.set(topic, (into.get(topic) ?? 0) + weight * n);
  }
}

export function classifyText(input: ClassifyInput): Classification {
  const lang = primaryLang(input.lang);
  const title = (input.title ?? '').slice(0, 1000);
  const text = (input.text ?? '').slice(0, MAX_TEXT_CHARS);
  const slug = [input.url, ...(input.moreUrls ?? [])].map(urlWords).filter(Boolean).join(' \n ');

  const wholeText = `${title}\n${slug}\n${text}`;
  const lowered = wholeText.toLowerCase();
  const whole: Whole = {
    text: wholeText,
    lower: lowered.length === wholeText.length ? lowered : null,
    vetoes: new Map(),
  };
  const titleField = field(title);
  const bodyField = field(text);
  const t = fieldEvidence(titleField, lang, whole, 1);
  const u = fieldEvidence(field(slug), lang, whole, 1, urlStrongScale);
  const b = fieldEvidence(bodyField, lang, whole, BODY_REPEAT_CAP);

  // The body counts by density: hits per ~120 words, so that a long article
  // with a single aside about AI stays below the line.
  const bodyScale = text ? 1 / (2 + countWords(text) / 120) : 0;
  // Ambiguous words in an address count half (the sure ones are scaled by urlStrongScale).
  const urlScale = 0.5;

  const strong = t.strong + u.strong + b.strong * bodyScale;
  // Ambiguous words (Claude, Gemini, llama, transformer, models, training)
  // only count beside an unambiguous one, or when several different ones meet
  // in the title ("model distillation"). In a long body, everyday words such as
  // "model", "prompt" and "reasoning" meet by chance (a news story about a
  // fashion model), so there they need an unambiguous term.
  const weakCounts = strong > 0 || t.weakKeys.size >= 2;
  const weak = weakCounts ? t.weak + u.weak * urlScale + b.weak * bodyScale : 0;
  const evidence = strong + weak;

  const ai = evidence >= THRESHOLD;
  const score = Math.round((evidence / (evidence + THRESHOLD)) * 1000) / 1000;
  if (!ai) return { ai, score, topics: [] };

  const topics = new Map<AiTopicId, number>();
  for (const [field, scale] of [
    [t, 1],
    [b, bodyScale],
  ] as const) {
    for (const [k, v] of field.topics) topics.set(k, (topics.get(k) ?? 0) + v * scale);
  }
  topicScores(title, titleField.lower, topics, 1, titleField.active);
  // The body's alternatives: a superset of those its first 3,000 characters need.
  if (text)
    topicScores(
      text.slice(0, 3000),
      bodyField.lower.slice(0, 3000),
      topics,
      0.15,
      bodyField.active,
    );
  const ranked = [...topics.entries()]
    .filter(([, v]) => v >= 0.6)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_TOPICS)
    .map(([k]) => k);
  return { ai, score, topics: ranked };
}
