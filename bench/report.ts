/**
 * One row per figure: its value, the baseline measured in the same run, their ratio, the goal
 * and whether it is met. The same rows print as the table and go to bench/results.json, so runs
 * can be compared. A figure that could not be measured says so and why, with no number.
 */
import type { Distribution } from './stats';
import { round } from './stats';

export type Unit = 'ms' | 's' | 'MB' | 'KB' | 'B' | '';

export type Value = number | Distribution;

export interface Figure {
  section: string;
  figure: string;
  unit: Unit;
  value: Value | null;
  baseline: { label: string; value: Value | null; unit?: Unit } | null;
  /** value / baseline (medians when distributions). */
  ratio: number | null;
  goal: string | null;
  pass: boolean | null;
  /** Why it was not measured, or what the reader must know to read it. */
  note?: string;
}

export function centre(value: Value | null): number | null {
  if (value === null) return null;
  return typeof value === 'number' ? value : value.median;
}

export function ratioOf(value: Value | null, baseline: Value | null): number | null {
  const a = centre(value);
  const b = centre(baseline);
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0)
    return null;
  return round(a / b, 2);
}

export function notMeasured(
  section: string,
  figure: string,
  goal: string | null,
  why: string,
): Figure {
  return {
    section,
    figure,
    unit: '',
    value: null,
    baseline: null,
    ratio: null,
    goal,
    pass: null,
    note: `not measured: ${why}`,
  };
}

function num(n: number, unit: Unit): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${n.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

export function formatValue(value: Value | null, unit: Unit): string {
  if (value === null) return '—';
  if (typeof value === 'number') return num(value, unit);
  return `${num(value.median, unit)} (p95 ${num(value.p95, unit)}, n=${value.n})`;
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'value (median, p95)', 'baseline, same run', 'ratio', 'goal', 'result'];
  const rows = figures.map((f) => [
    `${f.section}: ${f.figure}`,
    f.value === null ? (f.note ?? 'not measured') : formatValue(f.value, f.unit),
    f.baseline
      ? `${formatValue(f.baseline.value, f.baseline.unit ?? f.unit)} ${f.baseline.label}`
      : '—',
    f.ratio === null ? '—' : `${f.ratio}×`,
    f.goal ?? '—',
    f.pass === null ? (f.value === null ? 'not measured' : 'info') : f.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** Notes that do not fit a cell, numbered after the table. */
export function formatNotes(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.note && f.value !== null)
    .map((f) => `- ${f.section}: ${f.figure}: ${f.note}`)
    .join('\n');
}
