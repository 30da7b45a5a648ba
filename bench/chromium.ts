/**
 * Debian's Chromium for the benchmarks, launched the way tests/e2e/browsers.ts launches it (same
 * flags, the same local proxy from tests/e2e/server.ts), but exposing what a benchmark needs and
 * the e2e interface hides: the Playwright context, CDP sessions on pages, and a CDP channel into
 * the extension's service worker (for its heap).
 *
 * The extension under test is a copy of the build, taken once at the start of a run, so a build
 * another engineer starts meanwhile cannot change it under the benchmark. Benchmark pages (an
 * extension page that runs bundled code at the extension's origin) are added to the copy only;
 * the extension's own files are byte-for-byte those of the build.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH } from '../tests/e2e/browsers';

export const BASE_ARGS = [
  ...CHROMIUM_BASE_ARGS,
  // performance.memory to the byte instead of bucketed (the import benchmark reads it).
  '--enable-precise-memory-info',
];

export interface BenchBrowser {
  context: BrowserContext;
  profileDir: string;
  /** chrome-extension://<id>/ when the extension is loaded, else null. */
  extensionBase: string | null;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface BenchLaunchOptions {
  proxyPort: number;
  /** Unpacked extension folder; null launches the same browser without any extension. */
  extensionDir: string | null;
  /** Reuse a profile (to restart the browser on the same IndexedDB); a new one otherwise. */
  profileDir?: string;
  viewport?: { width: number; height: number };
}

export async function launchBench(options: BenchLaunchOptions): Promise<BenchBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is needed for the browser benchmarks but ${CHROMIUM_PATH} does not exist`,
    );
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'crosstalk-bench-'));
  const extensionArgs = options.extensionDir
    ? [
        `--disable-extensions-except=${options.extensionDir}`,
        `--load-extension=${options.extensionDir}`,
      ]
    : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
    args: [...BASE_ARGS, `--proxy-server=http://127.0.0.1:${options.proxyPort}`, ...extensionArgs],
    timeout: 60_000,
  });
  context.setDefaultTimeout(30_000);
  // tsx compiles this file with keepNames, so functions sent to pages call a __name helper;
  // every document gets a no-op one (in both browsers alike, so no comparison is skewed).
  await context.addInitScript({
    content: 'globalThis.__name = globalThis.__name || ((fn) => fn);',
  });
  let extensionBase: string | null = null;
  if (options.extensionDir) {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 20_000,
      }));
    const id = /^chrome-extension:\/\/([a-p]{32})\//.exec(worker.url())?.[1];
    if (!id) throw new Error(`Unexpected service worker URL ${worker.url()}`);
    extensionBase = `chrome-extension://${id}/`;
  }
  return {
    context,
    profileDir,
    extensionBase,
    async close(closeOptions) {
      await context.close().catch(() => undefined);
      if (!closeOptions?.keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A private copy of both builds, taken once, so a build started meanwhile by someone else cannot
 * change what is measured. Waits (up to two minutes) while a build is half-written.
 */
export async function snapshotBuilds(
  chromeDir: string,
  firefoxDir: string,
): Promise<{ chrome: string; firefox: string }> {
  const deadline = Date.now() + 120_000;
  const complete = (dir: string) =>
    existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'read-quick.js'));
  while ((!complete(chromeDir) || !complete(firefoxDir)) && Date.now() < deadline) {
    if (!existsSync(chromeDir) && !existsSync(firefoxDir)) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const root = mkdtempSync(join(tmpdir(), 'crosstalk-bench-build-'));
  const copy = (dir: string, name: string) => {
    const to = join(root, name);
    if (existsSync(dir)) cpSync(dir, to, { recursive: true });
    return to;
  };
  return { chrome: copy(chromeDir, 'chrome-mv3'), firefox: copy(firefoxDir, 'firefox-mv2') };
}

/**
 * An extension that does nothing, shaped like Crosstalk's Chrome build (MV3, a service worker) but
 * with no permission and no script for pages: the control that shows what having any extension
 * costs a page in this browser, apart from what Crosstalk's own code costs.
 */
export function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosstalk-bench-empty-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty control extension',
      version: '1',
      background: { service_worker: 'worker.js' },
    }),
  );
  writeFileSync(join(dir, 'worker.js'), '// Does nothing: the benchmark control.\n');
  return dir;
}

/** A private copy of the built extension, with extra benchmark files added beside it. */
export function copyExtension(
  buildDir: string,
  extra: Record<string, string | Buffer> = {},
): string {
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${buildDir}: run npm run build first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'crosstalk-bench-ext-'));
  cpSync(buildDir, dir, { recursive: true });
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body);
  return dir;
}

/** Send CDP commands to a target through a page's session (Target.sendMessageToTarget). */
export interface TargetChannel {
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

/**
 * The extension's service worker is not a Playwright page, so a CDP channel to it goes through a
 * page's session: attach without flattening and relay messages. Wakes the worker first if needed.
 */
export async function serviceWorkerChannel(
  page: Page,
  extensionBase: string,
): Promise<TargetChannel> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(extensionBase),
  );
  if (!target) throw new Error('The extension service worker is not running');
  const { sessionId } = (await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  session.on(
    'Target.receivedMessageFromTarget',
    (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    },
  );
  return {
    call<T>(method: string, params: Record<string, unknown> = {}) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        session
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method, params }),
          })
          .catch(reject);
      });
    },
    async detach() {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}

export interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/** JS heap in use after a full garbage collection. */
export async function heapAfterGc(call: TargetChannel['call']): Promise<HeapUsage> {
  await call('HeapProfiler.enable');
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  return call<HeapUsage>('Runtime.getHeapUsage');
}

export function pageChannel(session: CDPSession): TargetChannel['call'] {
  return <T>(method: string, params: Record<string, unknown> = {}) =>
    session.send(method as never, params as never) as Promise<T>;
}
