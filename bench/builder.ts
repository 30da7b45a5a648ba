/**
 * The index builder's benchmark (scripts/index-builder/bench.ts, the builder engineer's), called
 * through its export and turned into rows. Its shape is read defensively: a field it does not
 * give is reported as not measured rather than guessed.
 */
import type { Figure } from './report';
import { notMeasured } from './report';

export type BuilderModule = Record<string, unknown>;

export async function builderFigures(
  module: BuilderModule,
  posts: number,
  corpus: string,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; details: unknown }> {
  void module;
  void corpus;
  void log;
  return {
    figures: [
      notMeasured(
        'index builder',
        `build from ${posts} posts`,
        '< 60 s, < 1 GB',
        'builder bench API not wired yet',
      ),
    ],
    details: null,
  };
}
