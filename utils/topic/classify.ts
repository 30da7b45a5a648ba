/**
 * Is a text about AI, how strongly, and which AI topics? A weighted lexicon
 * (utils/topic/lexicon.ts) matched with script-aware word boundaries, where
 * the title counts most, the URL's words a little and the body by density, so
 * that one passing mention of "AI" in a long article about something else does
 * not make it an AI story. Small and synchronous: it runs on every page.
 */
import { AI_LEXICON, TOPIC_CUES, type LexiconEntry } from './lexicon';
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

// Letters of scripts that separate words with spaces, digits and underscore:
// an ASCII term must not touch them. CJK terms need no boundary.
// Spelled out as ranges (Latin with its extensions, Greek, Cyrillic) rather
// than \p{Script=…}, so that the case-insensitive alternation can run without
// the u flag, about three times faster; every pattern is in the BMP.
const WORD_CHAR =
  '[A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u1F00-\\u1FFF\\u0400-\\u052F]';
const bounded = (re: string) => `(?<!${WORD_CHAR})(?:${re})(?!${WORD_CHAR})`;

interface CompiledLexicon {
  re: RegExp;
  entries: LexiconEntry[];
  /** Matched against the lower-cased text (the case-insensitive entries). */
  lower: boolean;
}

/**
 * A pattern's letters in lower case, escapes left alone (\B, \W and \D keep
 * their meaning). The case-insensitive entries are matched this way, as a
 * case-sensitive expression over the lower-cased text: about a third faster
 * in V8 than the i flag, with the same matches.
 */
function lowerPattern(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (c === '\\') {
      out += c + src.charAt(i + 1);
      i++;
    } else out += c.toLowerCase();
  }
  return out;
}

function compile(entries: LexiconEntry[], caseSensitive: boolean): CompiledLexicon {
  // Generic (gated) entries go last: at any one position the alternation takes
  // the first entry that matches, and "humanoid robots" should be read as the
  // phrase, not as the generic "humanoid".
  const picked = entries
    .filter((e) => Boolean(e.cs) === caseSensitive)
    .sort((a, b) => Number(Boolean(a.gate)) - Number(Boolean(b.gate)));
  // One boundary check around the whole alternation: V8 then tries the
  // alternatives only where a word starts, not at every character.
  const alternatives = picked.map((e) => `(${caseSensitive ? e.re : lowerPattern(e.re)})`);
  const source = `(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`;
  return {
    re: new RegExp(source, caseSensitive ? 'gu' : 'g'),
    entries: picked,
    lower: !caseSensitive,
  };
}

const LEXICONS = [compile(AI_LEXICON, true), compile(AI_LEXICON, false)];
// The same lexicon with the i flag, for the rare text whose length changes in
// lower case (a Turkish dotted İ), where the lower-cased offsets would not fit.
const CASE_INSENSITIVE_FALLBACK: CompiledLexicon = (() => {
  const c = compile(AI_LEXICON, false);
  return { ...c, re: new RegExp(c.re.source, 'gi'), lower: false };
})();
const TOPIC_RES = TOPIC_CUES.map((c) => ({ topic: c.topic, re: new RegExp(bounded(c.re), 'gi') }));

interface Hit {
  entry: LexiconEntry;
  key: string;
  start: number;
  end: number;
}

function findHits(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!text) return hits;
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  for (const lexicon of LEXICONS) {
    const { re, entries } = lexicon.lower && !sameLength ? CASE_INSENSITIVE_FALLBACK : lexicon;
    const subject = lexicon.lower && sameLength ? lowered : text;
    re.lastIndex = 0;
    for (let m = re.exec(subject); m !== null; m = re.exec(subject)) {
      for (let i = 1; i < m.length; i++) {
        const g = m[i];
        if (g !== undefined) {
          const entry = entries[i - 1];
          if (entry)
            hits.push({ entry, key: g.toLowerCase(), start: m.index, end: m.index + g.length });
          break;
        }
      }
    }
  }
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

function fieldEvidence(
  text: string,
  lang: string | null,
  whole: Whole,
  perHitCap: number,
): FieldEvidence {
  const ev: FieldEvidence = { strong: 0, weak: 0, weakKeys: new Set(), topics: new Map() };
  const counts = new Map<string, number>();
  for (const hit of findHits(text)) {
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
      ev.strong += weight;
    }
    for (const t of hit.entry.topics ?? []) ev.topics.set(t, (ev.topics.get(t) ?? 0) + weight);
  }
  return ev;
}

/** The words of a URL's path, so that a slug such as /ai-regulation/ counts. */
function urlWords(url: string | null | undefined): string {
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
    return words.replace(/(?<![a-z0-9])(ai|agi|llms?|gpt)(?![a-z0-9])/gi, (w) => w.toUpperCase());
  } catch {
    return '';
  }
}

function countWords(text: string): number {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Han, kana and Hangul: no spaces between words, about 2.5 characters a word.
    if (
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af)
    ) {
      cjk++;
      inWord = false;
      continue;
    }
    const space = c <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words + Math.round(cjk / 2.5);
}

function topicScores(text: string, into: Map<AiTopicId, number>, weight: number): void {
  for (const { topic, re } of TOPIC_RES) {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(text) !== null && n < 5) n++;
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
  const t = fieldEvidence(title, lang, whole, 1);
  const u = fieldEvidence(slug, lang, whole, 1);
  const b = fieldEvidence(text, lang, whole, BODY_REPEAT_CAP);

  // The body counts by density: hits per ~120 words, so that a long article
  // with a single aside about AI stays below the line.
  const bodyScale = text ? 1 / (2 + countWords(text) / 120) : 0;
  const urlScale = 0.5;

  const strong = t.strong + u.strong * urlScale + b.strong * bodyScale;
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
  topicScores(title, topics, 1);
  if (text) topicScores(text.slice(0, 3000), topics, 0.15);
  const ranked = [...topics.entries()]
    .filter(([, v]) => v >= 0.6)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_TOPICS)
    .map(([k]) => k);
  return { ai, score, topics: ranked };
}
