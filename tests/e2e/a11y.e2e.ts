/**
 * Issue 7: axe-core on the open sidebar, the popup and the options page, in real Chromium with
 * the built extension: no serious or critical violation. axe is evaluated through the DevTools
 * protocol (Playwright's evaluate), which the extension pages' CSP does not govern; on the
 * article page it checks the sidebar's shadow root, which axe reads like any other subtree.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browsers';
import type { TestBrowser, TestPage } from './browsers';
import { NUMERAMA_GPT5, servePages } from './pages';
import { openSidebar, SEL, SIDEBAR_HOST } from './probes';
import { startLocalWeb } from './server';
import type { LocalWeb } from './server';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on `context` (a selector or the document) and returns the serious and critical findings. */
async function audit(page: TestPage, context: { shadowHost?: string } = {}): Promise<Finding[]> {
  const pw = page.playwright;
  if (!pw) throw new Error('axe runs through Playwright (Chromium)');
  await pw.evaluate(axeSource);
  return pw.evaluate(async (host: string | null) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const ctx = host ? { include: [[host]] } : document;
    const result = await axe.run(ctx, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
  }, context.shadowHost ?? null);
}

describe('chromium: accessibility (axe-core)', () => {
  let web: LocalWeb;
  let browser: TestBrowser;

  beforeAll(async () => {
    web = await startLocalWeb();
    servePages(web);
    browser = await launch('chromium', { proxyPort: web.port });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the open sidebar has no serious or critical violation (${scheme})`, async () => {
      const page = await browser.newPage();
      await page.setColorScheme(scheme);
      await page.goto(NUMERAMA_GPT5.url);
      const state = await openSidebar(page);
      expect(state.rows.length).toBeGreaterThanOrEqual(2);
      expect(await audit(page, { shadowHost: SIDEBAR_HOST })).toEqual([]);
      await page.close();
    });
  }

  it('the popup, with search results, has no serious or critical violation', async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.extensionBase}popup.html`);
    await page.type({ selector: SEL.search }, 'gpt-5');
    await page.waitFor(
      (sel: string) => document.querySelectorAll(sel).length > 0,
      SEL.searchResult,
    );
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('the options page has no serious or critical violation', async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.extensionBase}options.html`);
    await page.waitFor(
      (sel: string) => document.querySelectorAll(sel).length > 0,
      SEL.communityToggle('hackernews'),
    );
    expect(await audit(page)).toEqual([]);
    await page.close();
  });
});
