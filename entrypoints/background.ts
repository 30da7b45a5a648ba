/**
 * The background owns the story index (IndexedDB through Dexie), answers the
 * typed messaging contract, and reads the pages of allowed sites itself once
 * they have loaded (utils/background/tab-watch.ts). Listeners are registered
 * synchronously, at the top of the worker, so an event that wakes a stopped
 * MV3 worker is heard; each answer then waits for the service's init promise.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundService } from '@/utils/background/service';
import { browserTabAccess, toggleSidebarIn } from '@/utils/background/tab-access';
import { TabWatch } from '@/utils/background/tab-watch';
import { openDatabase } from '@/utils/index/db';
import { checkBackgroundMessage } from '@/utils/messaging-guard';
import type { Reply } from '@/utils/messaging';
import { loadSettings, pageSettingsFor, watchSettings, type Settings } from '@/utils/settings';

const SYNC_ALARM = 'crosstalk-sync';

export default defineBackground(() => {
  const service = new BackgroundService({
    db: openDatabase(),
    bundledUrl: browser.runtime.getURL('/story-index.json'),
    bundleTag: __CROSSTALK_BUNDLE_TAG__,
    tabs: browserTabAccess(),
  });
  const watch = new TabWatch({
    read: (tabId, url, isCurrent) => service.readTab(tabId, url, isCurrent),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const gate = checkBackgroundMessage(
      message,
      sender,
      browser.runtime.id,
      browser.runtime.getURL('/'),
    );
    if (!gate.ok) {
      if (gate.ignore) return undefined;
      return Promise.resolve<Reply<never>>({ ok: false, error: gate.error });
    }
    return service.handle(gate.message).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  });

  // The browser gives a tab's address only for sites Crosstalk holds a permission for, so
  // every other tab's events end here without being looked at.
  // The service's init (database, index, matcher) is left to the first reading, after the page's
  // load: started when a page begins loading, its few hundred milliseconds of CPU would compete
  // with that page's own loading on a small machine.
  browser.tabs.onUpdated.addListener((tabId, change, tab) =>
    watch.tabUpdated(tabId, change, tab.url),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    watch.tabRemoved(tabId);
    service.forgetTab(tabId);
  });

  /** Reads the open tabs that pass `test` (all of them by default) as if they had just loaded. */
  const readOpenTabs = async (test: (url: string) => boolean = () => true) => {
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined && tab.url && test(tab.url)) watch.readSoon(tab.id, tab.url);
    }
  };

  const scheduleSync = async () => {
    const settings = await loadSettings();
    await browser.alarms.create(SYNC_ALARM, {
      periodInMinutes: settings.syncEveryHours * 60,
      delayInMinutes: settings.syncEveryHours * 60,
    });
  };

  browser.runtime.onInstalled.addListener(() => {
    void scheduleSync();
    // Tabs opened before Crosstalk was installed (or updated) are read now, not at their next load.
    void readOpenTabs();
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.ready.then(() => service.sync());
  });

  // A site the reader just added is read at once in the tabs that show it.
  browser.permissions.onAdded.addListener(() => void readOpenTabs());

  let previous: Settings | null = null;
  watchSettings((settings) => {
    service.settingsChanged(settings);
    void scheduleSync();
    // A new index source is fetched at once, not at the next alarm.
    if (previous && settings.indexSource !== previous.indexSource) void service.sync();
    // Pages of a site turned back on are read now (a sidebar on a site turned off removes itself).
    const before = previous;
    if (before) {
      void readOpenTabs(
        (url) => pageSettingsFor(settings, url).allowed && !pageSettingsFor(before, url).allowed,
      );
    }
    previous = settings;
  });
  void loadSettings().then((s) => {
    previous ??= s;
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const tabId =
      tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A tab without a sidebar (no story, or not a site Crosstalk reads) has nothing to toggle.
    await toggleSidebarIn(tabId).catch(() => false);
  });
});
