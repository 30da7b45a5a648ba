import type { TimelinePoint } from '@/utils/index/schema';
import { t } from '@/utils/i18n';

const WIDTH = 96;
const HEIGHT = 24;

/** Posts per day as a tiny SVG: when the community started talking, and how loudly. */
export function Sparkline({ timeline }: { timeline: readonly TimelinePoint[] }) {
  if (timeline.length === 0) return null;
  const points = [...timeline].sort((a, b) => (a.day < b.day ? -1 : 1));
  const first = Date.parse(points[0]!.day);
  const last = Date.parse(points[points.length - 1]!.day);
  const span = Math.max(1, last - first);
  const max = Math.max(1, ...points.map((p) => p.posts));
  const coords = points.map((p) => {
    const x =
      points.length === 1 ? WIDTH / 2 : ((Date.parse(p.day) - first) / span) * (WIDTH - 2) + 1;
    const y = HEIGHT - 1 - (p.posts / max) * (HEIGHT - 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const label = t('sparklineLabel', [points[0]!.day, points[points.length - 1]!.day, max]);
  return (
    <svg
      class="ct-spark"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {points.length === 1 ? (
        <circle cx={WIDTH / 2} cy={coords[0]!.split(',')[1]} r="2" />
      ) : (
        <polyline points={coords.join(' ')} fill="none" stroke-width="1.5" />
      )}
    </svg>
  );
}
