/**
 * Builds a story index from community data.
 *
 *   npm run build:index -- --in <folder or file>... --out <file> [--no-pins] [--strict]
 *
 * Folders are read recursively (.json, .jsonl, .csv, .xml, optionally .gz).
 * A bad file or line is reported with its path and line and skipped; the rest
 * still count (--strict makes any such error fatal).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_PINS } from './index-builder/pins';
import { progressBar } from './index-builder/progress';
import { buildValidated, readSources } from './index-builder/run';
import { formatInputError } from './index-builder/types';

interface Args {
  inputs: string[];
  out: string;
  pins: boolean;
  strict: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { inputs: [], out: '', pins: true, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--in') {
      while (argv[i + 1] && !argv[i + 1]!.startsWith('--')) args.inputs.push(argv[++i]!);
    } else if (a === '--out') args.out = argv[++i] ?? '';
    else if (a === '--no-pins') args.pins = false;
    else if (a === '--strict') args.strict = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.inputs.length || !args.out)
    throw new Error('usage: build-index --in <folder or file>... --out <file>');
  return args;
}

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const t0 = performance.now();
  const bar = progressBar();
  const { files, errors } = readSources(args.inputs, (i, n) => bar.update(i, n, 'read'));
  for (const e of errors) console.error(`error: ${formatInputError(e)}`);
  if (args.strict && errors.length) return 1;
  if (!files.length) {
    console.error('no posts read from the inputs');
    return 1;
  }
  let built: ReturnType<typeof buildValidated>;
  try {
    built = buildValidated(files, {
      pins: args.pins ? DEFAULT_PINS : [],
      onProgress: (d, n, stage) => bar.update(d, n, stage),
    });
  } catch (err) {
    bar.done();
    console.error(`nothing written: ${(err as Error).message}`);
    return 1;
  }
  const { report, json, index } = built;
  bar.done();
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, json);
  const ms = Math.round(performance.now() - t0);
  console.error(
    [
      `wrote ${args.out}: ${index.stories.length} stories (${report.kinds.multi} multi-community, ${report.kinds.wide} single-community widely discussed, ${report.kinds.pinned} pinned), ${(json.length / 1e6).toFixed(2)} MB`,
      `posts: ${report.postsIn} read, ${report.postsUnique} unique, ${report.roots} root posts, ${report.aiRoots} about AI, ${report.aiComments} comments on them; ${report.groups} groups`,
      `communities: ${index.communities.map((c) => c.id).join(', ')}`,
      `wide thresholds: ${Object.entries(report.wideThresholds)
        .map(([c, t]) => `${c} ${t}`)
        .join(', ')}`,
      `${errors.length} input error(s); ${ms} ms`,
    ].join('\n'),
  );
  return 0;
}

process.exitCode = main();
