/**
 * The content script's size budget (issue 7): at most 60 KB minified. It runs on every page of
 * every default site, so its size is parse and compile time paid on each of them; this check
 * runs after the build so the budget cannot be exceeded unnoticed.
 *
 *   npm run check:size            (after npm run build)
 *   npm run check:size -- --dir .output/chrome-mv3
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_BYTES = 60 * 1024;
export const CONTENT_SCRIPT_PATH = 'content-scripts/content.js';

export interface SizeCheck {
  ok: boolean;
  file: string;
  bytes: number;
  gzipBytes: number;
  budget: number;
  message: string;
}

export function checkContentScriptSize(buildDir: string): SizeCheck {
  const file = join(buildDir, CONTENT_SCRIPT_PATH);
  const budget = CONTENT_SCRIPT_BUDGET_BYTES;
  if (!existsSync(file)) {
    return {
      ok: false,
      file,
      bytes: 0,
      gzipBytes: 0,
      budget,
      message: `check:size: ${file} does not exist. Build the extension first: npm run build`,
    };
  }
  const bytes = statSync(file).size;
  const gzipBytes = gzipSync(readFileSync(file), { level: 9 }).length;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ok = bytes <= budget;
  const message = ok
    ? `check:size: ${CONTENT_SCRIPT_PATH} is ${kb(bytes)} (${bytes} bytes, ${kb(gzipBytes)} gzip), within the ${kb(budget)} budget (${kb(budget - bytes)} left).`
    : `check:size: ${CONTENT_SCRIPT_PATH} is ${kb(bytes)} (${bytes} bytes), over the ${kb(budget)} budget (${budget} bytes) by ${bytes - budget} bytes. ` +
      'It runs on every page of every default site: move work to the background or trim dependencies.';
  return { ok, file, bytes, gzipBytes, budget, message };
}

function main(argv: string[]): number {
  const at = argv.indexOf('--dir');
  const dir = (at >= 0 ? argv[at + 1] : undefined) ?? '.output/chrome-mv3';
  const result = checkContentScriptSize(dir);
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
