/**
 * TabAccess in the browser: what the background does to tabs, through
 * scripting.executeScript. Every call targets the tab's top frame only (the
 * default), in the extension's isolated world (the default), never the page's.
 */
import { browser } from 'wxt/browser';
import { hideStoryInPage, showStoryInPage, toggleSidebarInPage } from '../sidebar-contract';
import { patternForHost } from '../site-access';
import type { TabAccess } from './service';

const READER_FILES = {
  quick: '/read-quick.js',
  site: '/read-site.js',
  full: '/read-full.js',
} as const;
const SIDEBAR_FILE = '/sidebar.js';

export function browserTabAccess(): TabAccess {
  return {
    async runReader(tabId, reader) {
      const [frame] = await browser.scripting.executeScript({
        target: { tabId },
        files: [READER_FILES[reader]],
      });
      return frame?.result;
    },
    async showStory(tabId, args, uiLoaded) {
      // Both at once, not one after the other: the story and the UI race to the
      // page and whichever comes second shows it (utils/sidebar-contract.ts).
      await Promise.all([
        browser.scripting.executeScript({ target: { tabId }, func: showStoryInPage, args }),
        uiLoaded
          ? null
          : browser.scripting.executeScript({ target: { tabId }, files: [SIDEBAR_FILE] }),
      ]);
    },
    async hideStory(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, func: hideStoryInPage });
    },
    async tabUrl(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => null);
      return tab?.url ?? null;
    },
    siteGranted: (host) => browser.permissions.contains({ origins: [patternForHost(host)] }),
  };
}

/** The keyboard command in a tab: whether the panel is open now (false without a sidebar). */
export async function toggleSidebarIn(tabId: number): Promise<boolean> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId },
    func: toggleSidebarInPage,
  });
  return frame?.result === true;
}
