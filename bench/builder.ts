/**
 * The index builder's benchmark (scripts/index-builder/bench.ts, the builder engineer's:
 * benchIndexBuilder), run in a child process (bench/builder-child.ts) and turned into rows.
 * Baselines from the same run: for time, reading and parsing the same input files (the floor
 * any builder pays); for memory, the same process's RSS before the build.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchResult } from '../scripts/index-builder/bench';
import type { Figure } from './report';
import { notMeasured, ratioOf } from './report';

/** What bench/builder-child.ts prints: the builder's own result and the RSS before it ran. */
type BuilderResult = BenchResult & { rssBeforeMb: number };

export async function builderFigures(
  posts: number,
  corpus: string,
): Promise<{ figures: Figure[]; details: BuilderResult | null }> {
  const goal = '< 60 s, < 1 GB';
  const label = `index build from ${posts.toLocaleString('en')} posts`;
  let result: BuilderResult;
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/builder-child.ts', String(posts), corpus],
      { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
    );
    const line = stdout.trim().split('\n').pop() ?? '';
    result = JSON.parse(line) as BuilderResult;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const why =
      stderr.split('\n').find((l) => /^\w*Error: /.test(l)) ?? String(error).split('\n')[0]!;
    return {
      figures: [
        notMeasured('index builder', label, goal, `the builder's benchmark failed: ${why}`),
      ],
      details: null,
    };
  }
  const seconds = result.ms / 1000;
  const rssGb = result.peakRssMb / 1024;
  return {
    details: result,
    figures: [
      {
        section: 'index builder',
        figure: `${label}: build time`,
        unit: 's',
        value: seconds,
        baseline: { label: 'reading and parsing the same inputs', value: result.readMs / 1000 },
        ratio: ratioOf(seconds, result.readMs / 1000),
        goal: '< 60 s',
        pass: seconds < 60,
        note: `${result.posts} posts from the ${result.source} → ${result.stories} stories, ${(result.bytes / 1048576).toFixed(1)} MB; CPU time ${(result.cpuMs / 1000).toFixed(1)} s`,
      },
      {
        section: 'index builder',
        figure: `${label}: peak RSS`,
        unit: 'MB',
        value: result.peakRssMb,
        baseline: { label: 'same process before the build', value: result.rssBeforeMb },
        ratio: ratioOf(result.peakRssMb, result.rssBeforeMb),
        goal: '< 1 GB',
        pass: rssGb < 1,
      },
    ],
  };
}
