/**
 * content.js: runs on every allowed page, so it stays small. It reads the page,
 * asks the background for a story, and only when there is one asks the
 * background to inject sidebar.js (the UI) and hands it the match. On any other
 * page it adds nothing to the DOM. It re-reads when a single-page site changes
 * route, and leaves quietly when the extension is updated or reloaded.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  askBackground,
  SETTINGS_STORAGE_KEY,
  type ContentMessage,
  type PageSettings,
  type Reply,
} from '@/utils/messaging';
import { readPage, readPageQuick } from '@/utils/page/read';
import { watchLocation } from '@/utils/page/spa';
import type { PageReading } from '@/utils/page/types';
import { clearPendingShow, showWhenReady, sidebarUi } from '@/utils/sidebar-contract';

function isContextGone(error: unknown): boolean {
  return (
    error instanceof Error &&
    /context invalidated|Receiving end does not exist|message port closed/i.test(error.message)
  );
}

export function startCrosstalk(ctx: ContentScriptContext): void {
  let settings: PageSettings | null = null;
  /** The full reading of the page, when one was taken (a quick one is not kept). */
  let reading: PageReading | null = null;
  /** location.href when `reading` was taken (the reading's own url is capped in length). */
  let readHref: string | null = null;
  let checkId = 0;

  async function check(): Promise<void> {
    if (ctx.isInvalid) return;
    const id = ++checkId;
    readHref = location.href;
    // Most pages are settled by the quick reading alone: one round trip, and
    // the settings come back with it (where Crosstalk is off on this site the
    // background neither classifies nor matches). A page that may be about AI
    // is read in full and asked about again.
    const first = readPageQuick(document, readHref);
    let page = first.reading;
    reading = first.quick ? null : page;
    const uiLoaded = sidebarUi() !== undefined;
    let answer = await askBackground('matchPage', { page, uiLoaded, quick: first.quick });
    // A newer reading (the page changed route meanwhile) wins.
    if (id !== checkId || ctx.isInvalid) return;
    if (answer.needsFullReading) {
      page = first.full();
      reading = page;
      answer = await askBackground('matchPage', { page, uiLoaded });
      if (id !== checkId || ctx.isInvalid) return;
    }
    settings = answer.settings;
    if (!answer.match) {
      clearPendingShow();
      sidebarUi()?.hide();
      return;
    }
    const pageUrl = page.canonicalUrl ?? page.url;
    if (sidebarUi() || answer.sidebarComing) {
      showWhenReady(answer.match, answer.settings, pageUrl);
      return;
    }
    // The background could not inject alongside its answer: ask for the UI.
    await askBackground('loadSidebar', {});
    if (id !== checkId || ctx.isInvalid) return;
    sidebarUi()?.show(answer.match, answer.settings, pageUrl);
  }

  function report(error: unknown): void {
    // After an extension update the old script's context is gone: leave quietly.
    if (isContextGone(error) || ctx.isInvalid) sidebarUi()?.hide();
    else console.debug('Crosstalk:', error);
  }

  const run = () => void check().catch(report);

  const onMessage = (message: unknown): Promise<Reply<unknown>> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { to, type } = message as ContentMessage;
    if (to !== 'content') return undefined;
    if (type === 'toggleSidebar') {
      return Promise.resolve({ ok: true, value: sidebarUi()?.toggle() ?? false });
    }
    if (type === 'getReading') {
      // The popup asks about the page as it is now: a route the watcher has not
      // re-read yet (it waits for a burst of navigations to settle), or a page
      // only read quickly, is read afresh and in full.
      const current = readHref === location.href ? reading : null;
      return Promise.resolve({ ok: true, value: current ?? readPage(document, location.href) });
    }
    return undefined;
  };

  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_STORAGE_KEY in changes)) return;
    const before = settings;
    askBackground('pageSettings', { url: location.href }).then((next) => {
      settings = next;
      sidebarUi()?.update(next);
      // Allowed-ness changed (site hidden or shown again): match afresh.
      if (!before || before.allowed !== next.allowed) run();
    }, report);
  };

  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorageChanged);
  watchLocation(run, ctx.signal);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorageChanged);
    sidebarUi()?.hide();
  });
  afterLoad(ctx, run);
}

/** Longest wait for a load event that a hanging resource may never let come. */
const MAX_LOAD_WAIT_MS = 3000;

/**
 * The first reading waits for the page's load event and then an idle moment,
 * so the page's own loading never waits for Crosstalk (document_idle alone
 * often runs the script before the load event). A page whose load never
 * completes is read after MAX_LOAD_WAIT_MS all the same.
 */
function afterLoad(ctx: ContentScriptContext, start: () => void): void {
  let started = false;
  const go = () => {
    if (started || ctx.isInvalid) return;
    started = true;
    ctx.requestIdleCallback(start, { timeout: 1000 });
  };
  if (document.readyState === 'complete') {
    go();
    return;
  }
  window.addEventListener('load', go, { once: true, signal: ctx.signal });
  ctx.setTimeout(go, MAX_LOAD_WAIT_MS);
}
