/**
 * What the e2e tests look at, written once for both browsers. The functions passed to
 * page.evaluate run inside the browser, so they are self-contained: no imports, no closures.
 * Selectors follow the DOM contract of the UI (data-testid attributes, an open shadow root on the
 * crosstalk-sidebar element).
 */
import type {
  BackgroundContract,
  BackgroundRequestType,
  Reply,
  TabMatch,
} from '../../utils/messaging';
import type { TestPage } from './browsers';

export const SIDEBAR_HOST = 'crosstalk-sidebar';

export const SEL = {
  tab: '[data-testid="ct-tab"]',
  panel: '[data-testid="ct-panel"]',
  storyTitle: '[data-testid="ct-story-title"]',
  communityRow: '[data-testid="ct-community-row"]',
  search: '[data-testid="ct-search"]',
  searchResult: '[data-testid="ct-search-result"]',
  communityToggle: (community: string) =>
    `input[type="checkbox"][data-testid="ct-community-toggle"][data-community="${community}"]`,
} as const;

export interface SidebarRow {
  community: string | null;
  text: string;
  quoteLinks: string[];
  /** Links to the community's top threads (original posts too). */
  threadLinks: string[];
}

export interface SidebarState {
  hosts: number;
  shadowOpen: boolean;
  tabVisible: boolean;
  tabText: string;
  panelVisible: boolean;
  storyTitle: string;
  rows: SidebarRow[];
}

/** Runs in the page: the sidebar as a reader would see it. */
export function readSidebar(host: string): SidebarState {
  const hosts = document.querySelectorAll(host);
  const root = hosts[0]?.shadowRoot ?? null;
  if (!root) {
    return {
      hosts: hosts.length,
      shadowOpen: false,
      tabVisible: false,
      tabText: '',
      panelVisible: false,
      storyTitle: '',
      rows: [],
    };
  }
  const tab = root.querySelector('[data-testid="ct-tab"]');
  const panel = root.querySelector('[data-testid="ct-panel"]');
  // Inline, not a helper: a named inner function would carry a bundler helper (__name) that does
  // not exist in the page.
  const [tabVisible, panelVisible] = [tab, panel].map((el) => {
    if (!el) return false;
    const style = getComputedStyle(el);
    return (
      el.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none'
    );
  });
  return {
    hosts: hosts.length,
    shadowOpen: true,
    tabVisible: tabVisible ?? false,
    tabText: tab?.textContent?.trim() ?? '',
    panelVisible: panelVisible ?? false,
    storyTitle: root.querySelector('[data-testid="ct-story-title"]')?.textContent?.trim() ?? '',
    rows: Array.from(root.querySelectorAll('[data-testid="ct-community-row"]')).map((row) => ({
      community: row.getAttribute('data-community'),
      text: row.textContent?.trim() ?? '',
      quoteLinks: Array.from(
        row.querySelectorAll<HTMLAnchorElement>('[data-testid="ct-quote"] a[href]'),
      ).map((a) => a.href),
      threadLinks: Array.from(
        row.querySelectorAll<HTMLAnchorElement>(
          '[data-testid="ct-thread"] a[href], .ct-threads a[href]',
        ),
      ).map((a) => a.href),
    })),
  };
}

export function sidebarState(page: TestPage): Promise<SidebarState> {
  return page.evaluate(readSidebar, SIDEBAR_HOST);
}

/** A timeout says what was on the page, not only that time ran out. */
async function waitOrExplain(page: TestPage, what: string, wait: () => Promise<void>) {
  try {
    await wait();
  } catch (error) {
    const state = await sidebarState(page).catch(() => null);
    const where = await page.evaluate(() => location.href, null).catch(() => '?');
    throw new Error(
      `${what} on ${where}; sidebar seen: ${JSON.stringify(state)}; ${String(error)}`,
    );
  }
}

/** Waits until the sidebar's closed tab is on screen. */
export async function waitForTab(page: TestPage, timeoutMs = 20_000): Promise<void> {
  await waitOrExplain(page, 'The sidebar tab did not appear', () =>
    page.waitFor(
      (host: string) => {
        const tab = document
          .querySelector(host)
          ?.shadowRoot?.querySelector('[data-testid="ct-tab"]');
        return !!tab && tab.getClientRects().length > 0;
      },
      SIDEBAR_HOST,
      timeoutMs,
    ),
  );
}

/** Clicks the tab and waits for the panel with its community rows. */
export async function openSidebar(page: TestPage): Promise<SidebarState> {
  await waitForTab(page);
  await page.click({ shadowHost: SIDEBAR_HOST, selector: SEL.tab });
  await waitOrExplain(page, 'The panel did not open', () =>
    page.waitFor((host: string) => {
      const panel = document
        .querySelector(host)
        ?.shadowRoot?.querySelector('[data-testid="ct-panel"]');
      return !!panel && panel.getClientRects().length > 0;
    }, SIDEBAR_HOST),
  );
  return sidebarState(page);
}

/** The minimal shape of the extension API an extension page exposes, in either browser. */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(filter: { url?: string }): Promise<{ id?: number; url?: string }[]> };
}

/**
 * Asks the background through the typed contract, from an extension page (popup or options
 * opened in a tab), as the UI itself does.
 */
export async function askBackgroundFrom<T extends BackgroundRequestType>(
  extensionPage: TestPage,
  type: T,
  payload: BackgroundContract[T]['request'],
): Promise<BackgroundContract[T]['response']> {
  const reply = await extensionPage.evaluate(
    async (message: { to: 'background'; type: string; payload: unknown }) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = scope.browser ?? scope.chrome;
      if (!api) throw new Error('not an extension page');
      return (await api.runtime.sendMessage(message)) as unknown;
    },
    { to: 'background' as const, type, payload },
  );
  const answer = reply as Reply<BackgroundContract[T]['response']> | undefined;
  if (!answer) throw new Error(`The background gave no answer to ${type}`);
  if (!answer.ok) throw new Error(`The background refused ${type}: ${answer.error}`);
  return answer.value;
}

/** The id of the one tab showing `url`, asked from an extension page. */
export async function tabShowing(extensionPage: TestPage, url: string): Promise<number> {
  const found = await extensionPage.evaluate(async (target: string) => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    const api = scope.browser ?? scope.chrome;
    if (!api) throw new Error('not an extension page');
    const tabs = (await api.tabs.query({})).filter((t) => t.url === target);
    return tabs.length === 1 ? (tabs[0]!.id ?? null) : tabs.length;
  }, url);
  if (typeof found !== 'number' || found === null) throw new Error(`no single tab shows ${url}`);
  return found;
}

/**
 * What the background made of the page in the tab showing `url` (its matchTab answer), once it
 * has read the page on its own after the load: null while it has not, or where it never reads.
 */
export async function backgroundReadingOf(
  extensionPage: TestPage,
  url: string,
): Promise<TabMatch | null> {
  const tabId = await tabShowing(extensionPage, url);
  const answer = await askBackgroundFrom(extensionPage, 'matchTab', { tabId });
  return answer?.readOnLoad ? answer : null;
}

/** Waits until the background has read the page on `url` by itself, and returns its answer. */
export async function waitForBackgroundReading(
  extensionPage: TestPage,
  url: string,
  timeoutMs = 15_000,
): Promise<TabMatch> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await backgroundReadingOf(extensionPage, url);
    if (answer) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The background never read the page on ${url} by itself`);
}

/** Installed before any page script: counts DOM mutations from DOMContentLoaded on. */
export function countMutationsAfterParse(): void {
  const scope = window as unknown as { __ctMutations: number };
  scope.__ctMutations = 0;
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      new MutationObserver((records) => {
        scope.__ctMutations += records.length;
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    },
    { capture: true, once: true },
  );
}

export interface DomFingerprint {
  html: string;
  styleSheets: number;
  adoptedStyleSheets: number;
  elements: number;
  mutationsAfterParse: number | null;
}

/** Runs in the page: what the page's DOM is, for before/after comparison. */
export function fingerprintDom(): DomFingerprint {
  const counted = (window as unknown as { __ctMutations?: number }).__ctMutations;
  return {
    // Serialised, not innerHTML/outerHTML: read only, and the lint rule guards writes.
    html: new XMLSerializer().serializeToString(document.documentElement),
    styleSheets: document.styleSheets.length,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
    elements: document.getElementsByTagName('*').length,
    mutationsAfterParse: typeof counted === 'number' ? counted : null,
  };
}

/** Where two HTML strings first differ, with some context, for a readable failure. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: «${a.slice(Math.max(0, i - 80), i + 120)}» vs «${b.slice(Math.max(0, i - 80), i + 120)}»`;
}
