/**
 * Sentiment by VADER (Hutto & Gilbert 2014, the `vader-sentiment` port): each
 * post gets the compound score of its title and text, and is counted positive
 * at compound ≥ 0.05, negative at ≤ -0.05, neutral in between (the thresholds
 * the VADER authors recommend). vader-fast.ts makes the package's tokenizer
 * fast without changing a score. A community's sentiment is the share of its
 * posts in each class: posts, not words, so one long rant counts once.
 */
import type { Sentiment } from '../../utils/index/schema';
import { polarityScores } from './vader-fast';

export type Polarity = 'positive' | 'neutral' | 'negative';

/** VADER reads the opening well; very long posts are cut to keep the run fast. */
const MAX_CHARS = 1000;

export function polarityOf(text: string): Polarity {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  if (!t.trim()) return 'neutral';
  const { compound } = polarityScores(t);
  return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
}

/** Shares rounded to 3 decimals; the rounding remainder goes to the largest share so they sum to 1. */
export function sentimentShares(counts: Record<Polarity, number>): Sentiment {
  const total = counts.positive + counts.neutral + counts.negative;
  if (total === 0) return { positive: 0, neutral: 1, negative: 0 };
  const r = (n: number) => Math.round((n / total) * 1000) / 1000;
  const s = {
    positive: r(counts.positive),
    neutral: r(counts.neutral),
    negative: r(counts.negative),
  };
  const keys: Polarity[] = ['positive', 'neutral', 'negative'];
  const largest = keys.reduce((a, b) => (s[b] > s[a] ? b : a));
  s[largest] =
    Math.round((1 - keys.filter((k) => k !== largest).reduce((a, k) => a + s[k], 0)) * 1000) / 1000;
  return s;
}
