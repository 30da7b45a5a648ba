/**
 * npm run eval -- --corpus ../shared/corpus [--errors]
 *
 * Prints AI-detection precision/recall/F1 on the labelled pages and post
 * titles beside the twenty-word baseline, recall on AI communities, main-text
 * token F1 against gold beside @mozilla/readability, and time per page. Then
 * runs `npm run --silent eval:match` when that script exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateDetection, formatDetection } from './detection';
import { evaluateExtraction, formatExtraction } from './extraction';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const corpus = resolve(arg('--corpus', '../shared/corpus'));
  if (!existsSync(corpus)) {
    process.stderr.write(`eval: no corpus at ${corpus} (pass --corpus <path>)\n`);
    process.exit(2);
  }
  const detection = await evaluateDetection(corpus);
  process.stdout.write(`${formatDetection(detection)}\n\n`);
  if (process.argv.includes('--errors')) {
    process.stdout.write('Dev-split errors (label → predicted, score):\n');
    for (const e of detection.errors)
      process.stdout.write(
        `  ${e.label ? 'FN' : 'FP'} ${e.score.toFixed(3)} ${e.title.slice(0, 100)}  [${e.id.slice(0, 60)}]\n`,
      );
    process.stdout.write('\n');
  }
  process.stdout.write(`${formatExtraction(await evaluateExtraction(corpus))}\n`);

  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts?: Record<string, string>;
  };
  if (pkg.scripts?.['eval:match']) {
    process.stdout.write('\n');
    const r = spawnSync('npm', ['run', '--silent', 'eval:match', '--', '--corpus', corpus], {
      stdio: 'inherit',
    });
    if (r.status) process.exit(r.status);
  }
}

main().catch((e) => {
  process.stderr.write(`eval: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
