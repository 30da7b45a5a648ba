/**
 * The background owns the story index (IndexedDB through Dexie) and answers
 * the typed messaging contract. Listeners are registered synchronously, at the
 * top of the worker, so a message that wakes a stopped MV3 worker is heard;
 * each answer then waits for the service's init promise.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundService } from '@/utils/background/service';
import { openDatabase } from '@/utils/index/db';
import { checkBackgroundMessage } from '@/utils/messaging-guard';
import type { ContentMessage, Reply } from '@/utils/messaging';
import { loadSettings, watchSettings } from '@/utils/settings';
import { registerUserSites } from '@/utils/site-access';

const SYNC_ALARM = 'crosstalk-sync';

export default defineBackground(() => {
  const service = new BackgroundService({
    db: openDatabase(),
    bundledUrl: browser.runtime.getURL('/story-index.json'),
    bundleTag: __CROSSTALK_BUNDLE_TAG__,
    injectSidebar: async (tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/sidebar.js'],
      });
    },
  });
  service.ready.catch((error: unknown) => console.error('Crosstalk: start-up failed', error));

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
    return service.handle(gate.message, sender).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  });

  const scheduleSync = async () => {
    const settings = await loadSettings();
    await browser.alarms.create(SYNC_ALARM, {
      periodInMinutes: settings.syncEveryHours * 60,
      delayInMinutes: settings.syncEveryHours * 60,
    });
  };

  browser.runtime.onInstalled.addListener(() => {
    void scheduleSync();
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.ready.then(() => service.sync());
  });

  let source: string | null | undefined;
  watchSettings((settings) => {
    service.settingsChanged(settings);
    void scheduleSync();
    // A new index source is fetched at once, not at the next alarm.
    if (source !== undefined && settings.indexSource !== source) void service.sync();
    source = settings.indexSource;
  });
  void loadSettings().then((s) => {
    source ??= s.indexSource;
  });

  // Sites the reader added get the content script too; redone at every start
  // and whenever a permission is granted or revoked.
  const registerSites = () =>
    registerUserSites('/content-scripts/content.js').catch((error: unknown) =>
      console.error('Crosstalk: could not register the added sites', error),
    );
  void registerSites();
  browser.permissions.onAdded.addListener(() => void registerSites());
  browser.permissions.onRemoved.addListener(() => void registerSites());

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const tabId =
      tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const message: ContentMessage<'toggleSidebar'> = {
      to: 'content',
      type: 'toggleSidebar',
      payload: {},
    };
    // A tab without our content script has no listener; that is not an error.
    await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  });
});
