import type { Sentiment } from '@/utils/index/schema';
import { t } from '@/utils/i18n';
import { percent } from '@/utils/story/format';

/** Positive, neutral and negative shares as one bar; a screen reader hears the numbers. */
export function SentimentBar({ sentiment }: { sentiment: Sentiment }) {
  const pos = percent(sentiment.positive);
  const neg = percent(sentiment.negative);
  const neu = Math.max(0, 100 - pos - neg);
  const label = t('sentimentLabel', [pos, neu, neg]);
  return (
    <div class="ct-sentiment" role="img" aria-label={label} title={label}>
      <span class="ct-sentiment-pos" style={{ width: `${pos}%` }} />
      <span class="ct-sentiment-neu" style={{ width: `${neu}%` }} />
      <span class="ct-sentiment-neg" style={{ width: `${neg}%` }} />
    </div>
  );
}
