/**
 * The main job, in one command (npm run demo): build Crosstalk for Chrome and Firefox, open a real
 * saved AI article (Numerama on GPT-5) in headless Chromium with the extension loaded, open the
 * sidebar, save a screenshot, and say what it found and how to load the built extension yourself.
 *
 * The article is served on 127.0.0.1 at its original URL through a local proxy, so nothing leaves
 * the machine. Options: --no-build (use the existing .output), --out <png path>.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_BUILD, FIREFOX_BUILD, assertBrowserInstalled, launch } from '../tests/e2e/browsers';
import type { TestBrowser } from '../tests/e2e/browsers';
import { NUMERAMA_GPT5, servePages } from '../tests/e2e/pages';
import { openSidebar, waitForBackgroundReading } from '../tests/e2e/probes';
import { startLocalWeb } from '../tests/e2e/server';
import type { LocalWeb } from '../tests/e2e/server';

const projectRoot = resolve(import.meta.dirname, '..');

function build(): void {
  console.log('Building the extension for Chrome and Firefox (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed (see above)');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: join(projectRoot, 'demo/sidebar.png') },
    },
  });
  // Fail before the build if the browser the demo needs is missing.
  assertBrowserInstalled('chromium');
  if (!values['no-build']) build();

  const screenshot = resolve(values.out);
  mkdirSync(dirname(screenshot), { recursive: true });

  let web: LocalWeb | undefined;
  let browser: TestBrowser | undefined;
  try {
    web = await startLocalWeb();
    servePages(web, [NUMERAMA_GPT5]);
    browser = await launch('chromium', { proxyPort: web.port });

    const article = await browser.newPage();
    await article.goto(NUMERAMA_GPT5.url);
    const sidebar = await openSidebar(article);
    // The saved page has no stylesheets: show its headline behind the panel, not its header icons.
    await article.evaluate(() => document.querySelector('h1')?.scrollIntoView(), null);
    await article.screenshot(screenshot);

    // Ask the background, as the popup does, what it made of the page when it read it.
    const options = await browser.newPage();
    await options.goto(`${browser.extensionBase}options.html`);
    const answer = await waitForBackgroundReading(options, NUMERAMA_GPT5.url);

    const rel = (path: string) => relative(process.cwd(), path) || '.';
    const lines = [
      '',
      `Article:     ${NUMERAMA_GPT5.url}`,
      `             (a real saved page, served on 127.0.0.1 at its original URL)`,
      `Story:       ${sidebar.storyTitle || '(none)'}`,
    ];
    const match = answer.match;
    if (match) {
      lines.push(
        `Confidence:  ${match.confidence} (score ${match.score.toFixed(2)}; ${match.why})`,
      );
      lines.push(`Communities in the sidebar (${sidebar.rows.length}):`);
      for (const row of sidebar.rows) {
        const community = match.communities.find((c) => c.id === row.community);
        const reaction = match.story.reactions.find((r) => r.community === row.community);
        const posts = reaction ? `${reaction.posts} posts` : 'no count';
        lines.push(`  - ${community?.name ?? row.community ?? '?'}: ${posts}`);
      }
    } else {
      lines.push('Confidence:  no match (the background found no story for this page)');
    }
    lines.push(
      `Screenshot:  ${rel(screenshot)}`,
      '',
      'Built extension:',
      `  Chrome / Chromium: ${rel(CHROME_BUILD)}`,
      '    open chrome://extensions, switch on Developer mode, click "Load unpacked" and pick that folder.',
      `  Firefox:           ${rel(FIREFOX_BUILD)}`,
      '    open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and pick',
      `    ${rel(join(FIREFOX_BUILD, 'manifest.json'))}.`,
      '',
    );
    console.log(lines.join('\n'));
    if (!match || sidebar.rows.length === 0) process.exitCode = 1;
  } finally {
    await browser?.close();
    await web?.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
