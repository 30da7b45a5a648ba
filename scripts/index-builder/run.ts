/**
 * Files in, index out: reads every input (collecting per-file errors), builds,
 * validates. Shared by the CLI, the check command and the benchmark.
 */
import { validateStoryIndex } from '../../utils/index/validate';
import { buildIndex, type BuildOptions, type BuildReport, type SourceFile } from './build';
import { listInputFiles, readInputFile } from './read-input';
import type { InputError } from './types';
import type { StoryIndex } from '../../utils/index/schema';

export function readSources(
  inputs: string[],
  onFile?: (i: number, n: number) => void,
): { files: SourceFile[]; errors: InputError[] } {
  const files: SourceFile[] = [];
  const errors: InputError[] = [];
  const paths = listInputFiles(inputs, (e) => errors.push(e));
  paths.forEach((path, i) => {
    onFile?.(i, paths.length);
    const r = readInputFile(path);
    errors.push(...r.errors);
    if (r.posts.length) files.push({ path, posts: r.posts });
  });
  onFile?.(paths.length, paths.length);
  return { files, errors };
}

/** The index as written: compact JSON plus a final newline, the same bytes for the same input. */
export function serializeIndex(index: StoryIndex): string {
  return `${JSON.stringify(index)}\n`;
}

export function buildValidated(
  files: SourceFile[],
  options: BuildOptions,
): { index: StoryIndex; report: BuildReport; json: string } {
  const { index, report } = buildIndex(files, options);
  if (!index.stories.length) throw new Error('no AI story in the inputs');
  const valid = validateStoryIndex(index);
  if (!valid.ok) throw new Error(`the built index does not validate: ${valid.error}`);
  return { index, report, json: serializeIndex(index) };
}
