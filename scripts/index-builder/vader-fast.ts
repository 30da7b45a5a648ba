/**
 * The `vader-sentiment` package, made fast enough for 100,000 posts.
 *
 * Its tokenizer (SentiText.get_words_and_emoticons) strips leading/trailing
 * punctuation by first building a dictionary of every word × every punctuation
 * mark (17 × 2 entries per word, ~1 ms per post). The replacement below gives
 * the same tokens by looking at each token's own leading or trailing
 * punctuation run: a key p+w or w+p of that dictionary has p equal to the
 * whole run, because w holds no punctuation. Lexicon, rules and scores are the
 * package's own; `vader-fast.test.ts` checks the scores are identical on real
 * posts.
 *
 * SentiText is not exported, so it is reached through the instance the
 * package passes to its (public, static) sentiment_valence.
 */
import vader from 'vader-sentiment';

export const PUNC_LIST = [
  '.',
  '!',
  '?',
  ',',
  ';',
  ':',
  '-',
  "'",
  '"',
  '!!',
  '!!!',
  '??',
  '???',
  '?!?',
  '!?!',
  '?!?!',
  '!?!?',
];
const PUNC_SET = new Set(PUNC_LIST);
const PUNC_CHARS = new Set(PUNC_LIST.join(''));
const REMOVE_PUNCTUATION = /[!"#$%&'()*+,-./:;<=>?@[\\\]^_`{|}~]/g;

function fastWordsAndEmoticons(this: { text: string }): string[] {
  const words = new Set(
    this.text
      .replace(REMOVE_PUNCTUATION, '')
      .split(/\s/)
      .filter((w) => w.length > 1),
  );
  const tokens = this.text.split(/\s/).filter((t) => t.length > 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let lead = 0;
    while (lead < t.length && PUNC_CHARS.has(t[lead]!)) lead++;
    if (lead > 0 && PUNC_SET.has(t.slice(0, lead)) && words.has(t.slice(lead))) {
      tokens[i] = t.slice(lead);
      continue;
    }
    let trail = t.length;
    while (trail > 0 && PUNC_CHARS.has(t[trail - 1]!)) trail--;
    if (trail < t.length && PUNC_SET.has(t.slice(trail)) && words.has(t.slice(0, trail))) {
      tokens[i] = t.slice(0, trail);
    }
  }
  return tokens;
}

type Analyzer = typeof vader.SentimentIntensityAnalyzer & {
  sentiment_valence: (...args: unknown[]) => unknown;
};
type SentiTextProto = { get_words_and_emoticons: (this: { text: string }) => string[] };

function sentiTextPrototype(): SentiTextProto {
  const analyzer = vader.SentimentIntensityAnalyzer as Analyzer;
  const original = analyzer.sentiment_valence;
  let proto: SentiTextProto | null = null;
  analyzer.sentiment_valence = function (this: unknown, ...args: unknown[]) {
    proto ??= Object.getPrototypeOf(args[1]) as SentiTextProto;
    return original.apply(this, args);
  };
  try {
    analyzer.polarity_scores('good');
  } finally {
    analyzer.sentiment_valence = original;
  }
  if (!proto) throw new Error('vader-sentiment internals changed: SentiText not found');
  return proto;
}

const proto = sentiTextPrototype();
const packageTokenizer = proto.get_words_and_emoticons;
proto.get_words_and_emoticons = fastWordsAndEmoticons;

export type Scores = { neg: number; neu: number; pos: number; compound: number };

export function polarityScores(text: string): Scores {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text);
}

/** The package's own tokenizer, for the equivalence test. */
export function polarityScoresWithPackageTokenizer(text: string): Scores {
  proto.get_words_and_emoticons = packageTokenizer;
  try {
    return vader.SentimentIntensityAnalyzer.polarity_scores(text);
  } finally {
    proto.get_words_and_emoticons = fastWordsAndEmoticons;
  }
}
