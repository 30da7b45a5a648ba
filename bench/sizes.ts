/**
 * The size of every built file, for Chrome (MV3) and Firefox (MV2), raw and gzip -9, plus each
 * script Crosstalk puts into pages against its 60 KB budget. Baselines, bundled and minified by
 * esbuild in this run: for the page readers, @mozilla/readability (the best-known page reader);
 * for the sidebar, the floor any Preact UI with signals pays (preact + @preact/signals).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  checkPageScriptSizes,
  PAGE_SCRIPT_BUDGET_BYTES,
  PAGE_SCRIPTS,
} from '../scripts/check-size';
import type { Figure } from './report';
import { notMeasured, ratioOf } from './report';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BuildSizes {
  dir: string;
  files: FileSize[];
  total: { bytes: number; gzip: number };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

export function measureBuild(dir: string): BuildSizes | null {
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  const files = walk(dir)
    .map((path) => {
      const bytes = statSync(path).size;
      return {
        file: relative(dir, path),
        bytes,
        gzip: gzipSync(readFileSync(path), { level: 9 }).length,
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
  const total = files.reduce(
    (sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzip }),
    {
      bytes: 0,
      gzip: 0,
    },
  );
  return { dir, files, total };
}

/** preact + @preact/signals, minified: what any Preact UI in a page starts from. */
export function frameworkFloorBytes(): Promise<number> {
  return minifiedBytes(
    "import { render, h } from 'preact'; import { signal, effect } from '@preact/signals';" +
      'const s = signal(0); effect(() => render(h("b", null, s.value), document.body));',
  );
}

/** @mozilla/readability, minified: a well-known page reader alone. */
export function readerBaselineBytes(): Promise<number> {
  return minifiedBytes(
    "import { Readability } from '@mozilla/readability';" +
      'globalThis.r = new Readability(document.cloneNode(true)).parse();',
  );
}

async function minifiedBytes(contents: string): Promise<number> {
  const out = await build({
    stdin: {
      contents,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.contents.length;
}

export function sizesTable(chrome: BuildSizes | null, firefox: BuildSizes | null): string {
  const names = [
    ...new Set([...(chrome?.files ?? []), ...(firefox?.files ?? [])].map((f) => f.file)),
  ].sort();
  const cell = (b: BuildSizes | null, name: string) => {
    const f = b?.files.find((x) => x.file === name);
    return f ? `${kb(f.bytes)} / ${kb(f.gzip)}` : '—';
  };
  const rows = names.map((n) => [n, cell(chrome, n), cell(firefox, n)]);
  rows.push([
    'total',
    chrome ? `${kb(chrome.total.bytes)} / ${kb(chrome.total.gzip)}` : '—',
    firefox ? `${kb(firefox.total.bytes)} / ${kb(firefox.total.gzip)}` : '—',
  ]);
  const header = ['built file', 'Chrome MV3 raw / gzip', 'Firefox MV2 raw / gzip'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export async function sizeFigures(
  chromeDir: string,
  firefoxDir: string,
): Promise<{ figures: Figure[]; chrome: BuildSizes | null; firefox: BuildSizes | null }> {
  const chrome = measureBuild(chromeDir);
  const firefox = measureBuild(firefoxDir);
  const figures: Figure[] = [];
  const budgetGoal = `≤ ${PAGE_SCRIPT_BUDGET_BYTES / 1024} KB minified`;
  if (!chrome) {
    figures.push(
      notMeasured(
        'size',
        'scripts put into pages (Chrome)',
        budgetGoal,
        `no build in ${chromeDir} (npm run build)`,
      ),
    );
  } else {
    const reader = {
      label: '@mozilla/readability (esbuild -minify)',
      bytes: await readerBaselineBytes(),
    };
    const ui = {
      label: 'preact+signals floor (esbuild -minify)',
      bytes: await frameworkFloorBytes(),
    };
    for (const [i, check] of checkPageScriptSizes(chromeDir).entries()) {
      const base = check.path === 'sidebar.js' ? ui : reader;
      const value = check.bytes / 1024;
      figures.push({
        section: 'size',
        figure: `page script ${check.path} (Chrome, minified)`,
        unit: 'KB',
        value,
        baseline: { label: base.label, value: base.bytes / 1024 },
        ratio: ratioOf(value, base.bytes / 1024),
        goal: budgetGoal,
        pass: check.ok,
        note: `gzip ${kb(check.gzipBytes)}; paid by ${PAGE_SCRIPTS[i]!.paidBy}`,
      });
    }
  }
  for (const [name, sizes] of [
    ['Chrome MV3', chrome],
    ['Firefox MV2', firefox],
  ] as const) {
    if (!sizes) {
      figures.push(notMeasured('size', `whole build (${name})`, null, 'not built'));
      continue;
    }
    const index = sizes.files.find((f) => f.file === 'story-index.json');
    const code = sizes.total.bytes - (index?.bytes ?? 0);
    figures.push({
      section: 'size',
      figure: `whole build without the bundled index (${name})`,
      unit: 'KB',
      value: code / 1024,
      baseline: index ? { label: 'bundled story-index.json', value: index.bytes / 1024 } : null,
      ratio: index ? ratioOf(code, index.bytes) : null,
      goal: null,
      pass: null,
      note: `${sizes.files.length} files, ${kb(sizes.total.bytes)} raw / ${kb(sizes.total.gzip)} gzip in all`,
    });
  }
  return { figures, chrome, firefox };
}
