/**
 * The options page's state, as signals: the settings (which other tabs and the
 * popup may change while the page is open), the index status (which changes
 * through a sync), and what the page says back. The component reads them and
 * re-renders on its own when any changes; nothing here touches the DOM.
 */
import { computed, effect, signal } from '@preact/signals';
import { askBackground, type IndexStatus } from '@/utils/messaging';
import { loadSettings, updateSettings, watchSettings, type Settings } from '@/utils/settings';
import { grantedUserPatterns } from '@/utils/site-access';

export interface PageMessage {
  text: string;
  error: boolean;
}

export const settings = signal<Settings | null>(null);
export const status = signal<IndexStatus | null>(null);
export const message = signal<PageMessage | null>(null);
/** Bytes the extension stores, when the browser says. */
export const usage = signal<number | null>(null);
/** Sites the reader added (granted optional host permissions). */
export const userSites = signal<string[]>([]);
/** The index source as typed, before Sync now saves it. */
export const sourceDraft = signal('');

const syncing = computed(() => status.value?.syncing === true);

/** How often the status is asked for while a sync runs, to show its progress. */
const SYNC_POLL_MS = 300;

async function refreshStatus(): Promise<void> {
  status.value = await askBackground('indexStatus', {});
}

export async function refreshUserSites(): Promise<void> {
  userSites.value = await grantedUserPatterns();
}

/** Writes a change to the settings; a refused change is said on the page. */
export function save(change: (s: Settings) => Settings): Promise<unknown> {
  return updateSettings(change).catch((e: Error) => {
    message.value = { text: e.message, error: true };
  });
}

/** Loads everything the page shows and keeps it current; the returned function stops that. */
export function startOptionsState(): () => void {
  void loadSettings().then((s) => {
    settings.value = s;
    sourceDraft.value = s.indexSource ?? '';
  });
  void refreshStatus();
  void navigator.storage?.estimate?.().then((e) => (usage.value = e.usage ?? null));
  void refreshUserSites();
  const unwatch = watchSettings((s) => (settings.value = s));
  // While a sync runs, ask for its progress; stops by itself when the sync ends.
  const stopPolling = effect(() => {
    if (!syncing.value) return;
    const timer = setInterval(() => void refreshStatus(), SYNC_POLL_MS);
    return () => clearInterval(timer);
  });
  return () => {
    unwatch();
    stopPolling();
  };
}
