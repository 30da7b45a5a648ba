/**
 * The size budget of the scripts Crosstalk puts into web pages (issue 9): at most 60 KB minified
 * each. read-quick.js (or, on the pages a site adapter may read, read-site.js) runs on every page
 * of every allowed site, so its size is parse and compile time paid on each of them; read-full.js
 * and sidebar.js run only where a page needs them, under the same budget. This check runs after
 * the build so no budget can be exceeded unnoticed.
 *
 *   npm run check:size            (after npm run build)
 *   npm run check:size -- --dir .output/chrome-mv3
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const PAGE_SCRIPT_BUDGET_BYTES = 60 * 1024;

/** Every script injected into pages, and which pages pay for it. */
export const PAGE_SCRIPTS = [
  { path: 'read-quick.js', paidBy: 'every page of an allowed site that no site adapter reads' },
  { path: 'read-site.js', paidBy: 'the pages a site adapter may read (HN, Reddit, arXiv, …)' },
  { path: 'read-full.js', paidBy: 'pages whose quick reading shows some sign of AI' },
  { path: 'sidebar.js', paidBy: 'pages with a story' },
] as const;

/** The script every allowed page pays for. */
export const EVERY_PAGE_SCRIPT = PAGE_SCRIPTS[0].path;

export interface SizeCheck {
  ok: boolean;
  path: string;
  bytes: number;
  gzipBytes: number;
  budget: number;
  message: string;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function checkScriptSize(buildDir: string, path: string, paidBy: string): SizeCheck {
  const file = join(buildDir, path);
  const budget = PAGE_SCRIPT_BUDGET_BYTES;
  if (!existsSync(file)) {
    return {
      ok: false,
      path,
      bytes: 0,
      gzipBytes: 0,
      budget,
      message: `check:size: ${file} does not exist. Build the extension first: npm run build`,
    };
  }
  const bytes = statSync(file).size;
  const gzipBytes = gzipSync(readFileSync(file), { level: 9 }).length;
  const ok = bytes <= budget;
  const message = ok
    ? `check:size: ${path} is ${kb(bytes)} (${bytes} bytes, ${kb(gzipBytes)} gzip), within the ${kb(budget)} budget (${kb(budget - bytes)} left); paid by ${paidBy}.`
    : `check:size: ${path} is ${kb(bytes)} (${bytes} bytes), over the ${kb(budget)} budget (${budget} bytes) by ${bytes - budget} bytes. ` +
      `It runs on ${paidBy}: move work to the background or trim dependencies.`;
  return { ok, path, bytes, gzipBytes, budget, message };
}

export function checkPageScriptSizes(buildDir: string): SizeCheck[] {
  return PAGE_SCRIPTS.map(({ path, paidBy }) => checkScriptSize(buildDir, path, paidBy));
}

function main(argv: string[]): number {
  const at = argv.indexOf('--dir');
  const dir = (at >= 0 ? argv[at + 1] : undefined) ?? '.output/chrome-mv3';
  const checks = checkPageScriptSizes(dir);
  for (const check of checks) (check.ok ? console.log : console.error)(check.message);
  return checks.every((c) => c.ok) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
