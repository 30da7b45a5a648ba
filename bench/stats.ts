/** Order statistics for timing samples: nearest-rank quantiles, no interpolation. */
export interface Distribution {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function distribution(samples: readonly number[]): Distribution {
  const sorted = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    n: sorted.length,
  };
}

export function median(samples: readonly number[]): number {
  return distribution(samples).median;
}

/**
 * A percentile-bootstrap confidence interval for the median of paired differences: whether a
 * difference is "measurable" is whether this interval excludes zero. Seeded, so a run is
 * reproducible given its samples.
 */
export function bootstrapMedianCI(
  samples: readonly number[],
  level = 0.95,
  rounds = 2000,
  seed = 1,
): [number, number] {
  if (samples.length === 0) return [NaN, NaN];
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const medians: number[] = [];
  const resample = new Array<number>(samples.length);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < samples.length; i++) {
      resample[i] = samples[Math.floor(random() * samples.length)]!;
    }
    medians.push(median(resample));
  }
  medians.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantile(medians, tail), quantile(medians, 1 - tail)];
}

export function round(n: number, digits = 2): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
