/**
 * When the background reads a tab's page. It reads pages itself, once they
 * have loaded, instead of declaring a content script for every allowed page:
 * a page that is not about AI then pays for one small script that reads and
 * returns (read-quick.js), and nothing of Crosstalk runs in a page before its
 * load event. The signal is tabs.onUpdated's status 'complete', which comes
 * after the page's load event; a single-page site's route change arrives as
 * the same event (Chrome sends 'loading' then 'complete' with the new address,
 * Firefox one 'complete' with it), so a new route is read like a new page.
 *
 * - Quiet time: a reading waits until the tab has had no news for QUIET_MS, so
 *   a burst of route changes (a page calling pushState 100 times a second) is
 *   read once, at its last route.
 * - A page whose load never completes (a resource that hangs) is read
 *   LOAD_TIMEOUT_MS after it started loading all the same.
 * - Newest wins: every change starts a new generation for the tab, and a
 *   reading that comes back for an older generation changes nothing.
 *
 * Nothing here needs to outlive the worker: a stopped worker is woken by the
 * next tab event, and the page it is about is read then.
 */

/** The part of tabs.onUpdated's changeInfo that matters here. */
export interface TabChange {
  status?: string;
  url?: string;
}

export const QUIET_MS = 150;
export const LOAD_TIMEOUT_MS = 3000;

export interface TabWatchOptions {
  /** Reads the tab's page; `isCurrent()` turns false once a newer change makes it stale. */
  read(tabId: number, url: string, isCurrent: () => boolean): Promise<unknown>;
  quietMs?: number;
  loadTimeoutMs?: number;
}

interface TabState {
  url: string;
  generation: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class TabWatch {
  private readonly tabs = new Map<number, TabState>();
  private readonly quietMs: number;
  private readonly loadTimeoutMs: number;

  constructor(private readonly options: TabWatchOptions) {
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.loadTimeoutMs = options.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
  }

  /**
   * tabs.onUpdated. `url` is the tab's address as the browser gives it: absent
   * unless Crosstalk holds a permission for the site, so a tab on any other
   * site is never even looked at.
   */
  tabUpdated(tabId: number, change: TabChange, url: string | undefined): void {
    if (!url || !/^https?:\/\//i.test(url)) {
      this.tabRemoved(tabId);
      return;
    }
    if (change.status === 'loading') this.schedule(tabId, url, this.loadTimeoutMs);
    else if (change.status === 'complete') this.schedule(tabId, url, this.quietMs);
  }

  /** Reads a tab that did not just change (the extension was installed, a site turned on). */
  readSoon(tabId: number, url: string): void {
    this.schedule(tabId, url, this.quietMs);
  }

  /** tabs.onRemoved, or a tab that left for a page Crosstalk cannot read. */
  tabRemoved(tabId: number): void {
    const state = this.tabs.get(tabId);
    if (state) clearTimeout(state.timer);
    this.tabs.delete(tabId);
  }

  private schedule(tabId: number, url: string, delayMs: number): void {
    const state = this.tabs.get(tabId) ?? { url, generation: 0, timer: undefined };
    clearTimeout(state.timer);
    state.url = url;
    const generation = ++state.generation;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.run(tabId, state, generation);
    }, delayMs);
    this.tabs.set(tabId, state);
  }

  private run(tabId: number, state: TabState, generation: number): void {
    const isCurrent = () => this.tabs.get(tabId) === state && state.generation === generation;
    if (!isCurrent()) return;
    this.options
      .read(tabId, state.url, isCurrent)
      .catch((error: unknown) => console.debug('Crosstalk: reading a tab', error));
  }
}
