/**
 * Before any browser starts: both browsers must be installed (a missing one fails the run with
 * the command that installs it) and the extension must be built. A build older than the sources
 * is reported, since the tests would otherwise exercise yesterday's code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, CHROME_BUILD, FIREFOX_BUILD, assertBrowserInstalled } from './browsers';

const projectRoot = join(import.meta.dirname, '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils', 'public'];

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

export default function setup(): void {
  for (const name of BROWSERS) assertBrowserInstalled(name);
  const sources = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(join(projectRoot, dir))));
  for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
    const manifest = join(build, 'manifest.json');
    if (!existsSync(manifest)) {
      throw new Error(`No extension build in ${build}. Build it first with: npm run build`);
    }
    if (statSync(manifest).mtimeMs < sources) {
      console.warn(
        `[e2e] ${build} is older than the sources; run npm run build to test the current code.`,
      );
    }
  }
}
