/**
 * Bundles project code for a browser page with esbuild (installed with vite): an IIFE that a
 * benchmark adds to a page or to the copy of the extension. Entry points are given as source
 * text, so a module another engineer has not written yet makes a clear "not measured" instead of
 * a type error in this one.
 */
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

export async function bundleForBrowser(
  contents: string,
  resolveDir = process.cwd(),
): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
  });
  return out.outputFiles[0]!.text;
}

export function missing(...paths: string[]): string[] {
  return paths.filter((p) => !existsSync(p));
}
