/**
 * The two real browsers the extension must work in, behind one small interface so every e2e test
 * runs unchanged in both: Debian's Chromium driven by playwright-core (CDP), and Firefox ESR driven
 * by puppeteer-core (WebDriver BiDi, which can install a temporary add-on). Both browse through
 * the local proxy (tests/e2e/server.ts) and accept its self-signed certificate.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const CHROMIUM_PATH = process.env.CROSSTALK_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.CROSSTALK_FIREFOX ?? '/usr/bin/firefox-esr';

const projectRoot = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(projectRoot, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(projectRoot, '.output/firefox-mv2');

/** A selector, optionally inside the open shadow root of a host element. */
export interface Target {
  selector: string;
  shadowHost?: string;
}

export interface TestPage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Run a self-contained function in every document this page loads, before its own scripts. */
  addInitScript(fn: () => void): Promise<void>;
  /** Run a function in the page's main world (it sees open shadow roots). */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Poll a predicate in the page until it is truthy. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /** A real pointer click on the first match. */
  click(target: Target): Promise<void>;
  /** Real key presses into the first match. */
  type(target: Target, text: string): Promise<void>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** Chromium only: the Playwright page, for CDP (e.g. exceptions in every world). */
  playwright?: PlaywrightPage;
}

export interface TestBrowser {
  name: BrowserName;
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionBase: string;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
  /** Chromium only: the persistent context (service workers, CDP sessions). */
  chromiumContext?: BrowserContext;
}

export interface LaunchOptions {
  /** The local proxy's port (tests/e2e/server.ts). */
  proxyPort: number;
  /** Unpacked extension folder; defaults to the build for that browser. */
  extensionDir?: string;
}

const DEFAULT_TIMEOUT = 15_000;

/**
 * Chromium's flags for a machine with no internet and a fresh profile, shared by the e2e tests
 * and the benchmarks; the certificate flag accepts the local test server's self-signed one.
 */
export const CHROMIUM_BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--ignore-certificate-errors',
];

export function assertBrowserInstalled(name: BrowserName): void {
  const path = name === 'chromium' ? CHROMIUM_PATH : FIREFOX_PATH;
  const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
  const envVar = name === 'chromium' ? 'CROSSTALK_CHROMIUM' : 'CROSSTALK_FIREFOX';
  if (!existsSync(path)) {
    throw new Error(
      `${name === 'chromium' ? 'Chromium' : 'Firefox ESR'} is needed (end-to-end tests, demo) but ` +
        `${path} does not exist. Install it with: sudo apt-get install ${pkg} ` +
        `(or point ${envVar} at another binary).`,
    );
  }
}

/**
 * A private copy of the build for one browser session: a rebuild while the tests run (someone
 * else's `npm run build` in the same tree) must not pull files from under a running browser.
 */
function snapshotBuild(dir: string, name: BrowserName): string {
  assertBuilt(dir, name);
  const copy = mkdtempSync(join(tmpdir(), `crosstalk-e2e-ext-${name}-`));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

function assertBuilt(dir: string, name: BrowserName): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension for ${name} in ${dir}. Build it first with: npm run build`);
  }
}

export async function launch(name: BrowserName, options: LaunchOptions): Promise<TestBrowser> {
  assertBrowserInstalled(name);
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

// ---------------------------------------------------------------- Chromium (playwright-core)

async function launchChromium(options: LaunchOptions): Promise<TestBrowser> {
  const extensionDir = snapshotBuild(options.extensionDir ?? CHROME_BUILD, 'chromium');
  const profile = mkdtempSync(join(tmpdir(), 'crosstalk-e2e-chromium-'));
  const cleanUp = () => {
    rmSync(profile, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1280, height: 800 },
      ignoreHTTPSErrors: true,
      args: [
        ...CHROMIUM_BASE_ARGS,
        // Every request goes to the local server; Chromium bypasses loopback on its own.
        `--proxy-server=http://127.0.0.1:${options.proxyPort}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
      timeout: 60_000,
    });
  } catch (error) {
    cleanUp();
    throw error;
  }
  context.setDefaultTimeout(DEFAULT_TIMEOUT);

  // The MV3 service worker's URL carries the extension id.
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 20_000,
    }));
  // (Node's URL gives chrome-extension: URLs an opaque 'null' origin, hence the pattern.)
  const extensionId = /^chrome-extension:\/\/([a-p]{32})\//.exec(worker.url())?.[1];
  if (!extensionId) throw new Error(`Unexpected service worker URL ${worker.url()}`);
  const extensionBase = `chrome-extension://${extensionId}/`;

  // The persistent context opens with one blank tab; close it so each test owns its pages.
  for (const page of context.pages()) await page.close();

  return {
    name: 'chromium',
    extensionBase,
    chromiumContext: context,
    newPage: async () => wrapPlaywright(await context.newPage()),
    async close() {
      await context.close();
      cleanUp();
    },
  };
}

function playwrightSelector(target: Target): string {
  // Playwright's CSS engine pierces open shadow roots by itself.
  return target.shadowHost ? `${target.shadowHost} ${target.selector}` : target.selector;
}

/** The drivers' own typings box page-function arguments differently; the interface is ours. */
type LooseEvaluate = <R>(fn: unknown, arg: unknown) => Promise<R>;

function wrapPlaywright(page: PlaywrightPage): TestPage {
  const evaluate = page.evaluate.bind(page) as unknown as LooseEvaluate;
  const waitForFunction = page.waitForFunction.bind(page) as unknown as (
    fn: unknown,
    arg: unknown,
    options: { timeout: number; polling: number },
  ) => Promise<unknown>;
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async addInitScript(fn) {
      await page.addInitScript(fn);
    },
    evaluate: (fn, arg) => evaluate(fn, arg),
    async waitFor(fn, arg, timeoutMs = DEFAULT_TIMEOUT) {
      await waitForFunction(fn, arg, { timeout: timeoutMs, polling: 100 });
    },
    async click(target) {
      await page.locator(playwrightSelector(target)).first().click();
    },
    async type(target, text) {
      await page.locator(playwrightSelector(target)).first().pressSequentially(text, { delay: 30 });
    },
    async setColorScheme(scheme) {
      await page.emulateMedia({ colorScheme: scheme });
    },
    async setViewport(width, height) {
      await page.setViewportSize({ width, height });
    },
    async screenshot(path) {
      await page.screenshot({ path });
    },
    async bringToFront() {
      await page.bringToFront();
    },
    close: () => page.close(),
    playwright: page,
  };
}

// ---------------------------------------------------------------- Firefox ESR (puppeteer-core)

/** The add-on id the Firefox build declares in browser_specific_settings.gecko.id. */
function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
    applications?: { gecko?: { id?: string } };
  };
  const id =
    manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id ?? null;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no gecko id`);
  return id;
}

async function launchFirefox(options: LaunchOptions): Promise<TestBrowser> {
  const extensionDir = snapshotBuild(options.extensionDir ?? FIREFOX_BUILD, 'firefox');
  const cleanUp = () => rmSync(extensionDir, { recursive: true, force: true });
  const id = geckoId(extensionDir);
  // Firefox gives each add-on a random moz-extension:// UUID per profile; choosing it up front
  // through the pref it is stored in makes extension pages addressable without guessing.
  const uuid = randomUUID();
  let browser: PuppeteerBrowser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      protocol: 'webDriverBiDi',
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 800 },
      timeout: 60_000,
      // WebDriver BiDi refuses to navigate to moz-extension:// pages (popup, options) unless the
      // remote agent is allowed to reach privileged URLs.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': options.proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': options.proxyPort,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.share_proxy_settings': false,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
        // Keep the browser's own chatter off the wire so the request log is the extension's.
        'app.normandy.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'extensions.getAddons.cache.enabled': false,
        'extensions.update.enabled': false,
        'browser.ping-centre.telemetry': false,
        'datareporting.healthreport.uploadEnabled': false,
        'toolkit.telemetry.enabled': false,
        'dom.security.https_only_mode': false,
      },
    });
  } catch (error) {
    cleanUp();
    throw error;
  }
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    const version = await browser.version().catch(() => 'unknown');
    await browser.close();
    cleanUp();
    // An old ESR refuses the add-on by its strict_min_version: say which Firefox and how to fix it.
    if (String(error).includes('not compatible with application version')) {
      throw new Error(
        `Firefox ESR at ${FIREFOX_PATH} (${version}) is older than the build needs (${String(error)}). ` +
          'Upgrade it with: sudo apt-get update && sudo apt-get install firefox-esr ' +
          '(Debian 12 has the newer ESR in bookworm-security).',
      );
    }
    throw error;
  }
  // Close the initial blank tab so each test owns its pages.
  for (const page of await browser.pages()) {
    if (page.url() === 'about:blank') await page.close().catch(() => undefined);
  }
  return {
    name: 'firefox',
    extensionBase: `moz-extension://${uuid}/`,
    newPage: async () => wrapPuppeteer(await browser.newPage()),
    async close() {
      await browser.close();
      cleanUp();
    },
  };
}

function puppeteerSelector(target: Target): string {
  return target.shadowHost ? `${target.shadowHost} >>> ${target.selector}` : target.selector;
}

function wrapPuppeteer(page: PuppeteerPage): TestPage {
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  const evaluate = page.evaluate.bind(page) as unknown as LooseEvaluate;
  const waitForFunction = page.waitForFunction.bind(page) as unknown as (
    fn: unknown,
    options: { timeout: number; polling: number },
    arg: unknown,
  ) => Promise<unknown>;
  // Over WebDriver BiDi a wait fails at once ("Waiting failed", or a protocol error from
  // script.evaluate) when the document's realm is replaced under it, as Firefox does while an
  // extension page settles in its process: that is not the condition failing, so the wait goes on
  // in the new realm until its deadline. A real timeout still fails.
  const waitAcrossRealms = async (fn: unknown, arg: unknown, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await waitForFunction(
          fn,
          { timeout: Math.max(1, deadline - Date.now()), polling: 100 },
          arg,
        );
        return;
      } catch (error) {
        const text = String(error);
        const realmGone = /Waiting failed|context|destroyed|realm|script\.evaluate/i.test(text);
        if (!realmGone || /exceeded/i.test(text) || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  return {
    async goto(url) {
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        return;
      }
      // An extension page loads in another process and puppeteer never sees its load event, so
      // the navigation is started without waiting and the document itself is asked instead.
      page.goto(url, { timeout: 30_000 }).catch(() => undefined);
      await waitAcrossRealms(
        (expected: string) => location.href === expected && document.readyState === 'complete',
        url,
        30_000,
      );
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async addInitScript(fn) {
      await page.evaluateOnNewDocument(fn);
    },
    evaluate: (fn, arg) => evaluate(fn, arg),
    async waitFor(fn, arg, timeoutMs = DEFAULT_TIMEOUT) {
      await waitAcrossRealms(fn, arg, timeoutMs);
    },
    async click(target) {
      const handle = await page.waitForSelector(puppeteerSelector(target), { visible: true });
      if (!handle) throw new Error(`No element for ${puppeteerSelector(target)}`);
      await handle.click();
      await handle.dispose();
    },
    async type(target, text) {
      const handle = await page.waitForSelector(puppeteerSelector(target), { visible: true });
      if (!handle) throw new Error(`No element for ${puppeteerSelector(target)}`);
      await handle.type(text, { delay: 30 });
      await handle.dispose();
    },
    setColorScheme() {
      // Media emulation needs CDP, which Firefox no longer speaks; the screenshots are Chromium's.
      return Promise.reject(new Error('Colour scheme emulation is only available in Chromium'));
    },
    async setViewport(width, height) {
      await page.setViewport({ width, height });
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    async bringToFront() {
      await page.bringToFront();
    },
    close: () => page.close(),
  };
}
