/**
 * The background service against fake-indexeddb and WXT's fake browser: it
 * answers only after init, survives a restart (a new service on the same
 * database answers the same without downloading again), and applies the
 * reader's settings to matches.
 */
import { describe, expect, it, vi } from 'vitest';
import type { StoryIndex } from '../index/schema';
import { openDatabase } from '../index/db';
import { makePage, makeStory } from '../match/story-fixtures';
import type { BackgroundMessage, TabMatch } from '../messaging';
import type { PageReading, PageReport } from '../page/types';
import type { ShowArgs } from '../sidebar-contract';
import { loadSettings, updateSettings } from '../settings';
import { BackgroundService, type PageReader, type TabAccess } from './service';

// A small index shaped like the bundled one; the service is under test here, not the data.
const INDEX: StoryIndex = {
  format: 'crosstalk.story-index',
  version: 1,
  generatedAt: '2025-08-09T00:00:00Z',
  communities: [
    {
      id: 'hackernews',
      name: 'Hacker News',
      platform: 'hackernews',
      homepage: 'https://news.ycombinator.com/',
    },
    {
      id: 'r-localllama',
      name: 'r/LocalLLaMA',
      platform: 'reddit',
      homepage: 'https://www.reddit.com/r/LocalLLaMA/',
    },
  ],
  topics: [{ id: 'research', label: 'Research papers' }],
  stories: [
    makeStory(
      {
        id: 'why-we-think',
        title: 'Why We Think',
        summary:
          'A long essay on test-time compute and chain-of-thought reasoning in language models.',
        topics: ['research'],
        entities: ['chain-of-thought'],
        urls: ['https://lilianweng.github.io/posts/2025-05-01-thinking/'],
      },
      ['hackernews', 'r-localllama'],
    ),
  ],
};

const BUNDLED_URL = 'https://crosstalk.invalid/story-index.json';

/** Serves the bundled index; every other URL goes to the real network stack. */
function countingFetch() {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    String(input) !== BUNDLED_URL
      ? fetch(input, init)
      : new Response(JSON.stringify(INDEX), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
  );
}

function message<T extends BackgroundMessage['type']>(
  type: T,
  payload: BackgroundMessage<T>['payload'],
): BackgroundMessage {
  return { to: 'background', type, payload } as BackgroundMessage;
}

const page = makePage({
  url: 'https://lilianweng.github.io/posts/2025-05-01-thinking/?utm_source=hn',
  title: 'Why We Think',
  lead: 'Test-time compute and chain-of-thought reasoning let language models think longer.',
});

/** A page report as a reader script hands it back. */
function report(reading: PageReading, quick = false, uiLoaded = false): PageReport {
  return { reading, quick, uiLoaded };
}

/**
 * A service on its own database whose tabs are fakes: each reader script gives what the test
 * says the page reads as, and what the service does to the page is recorded, not performed.
 */
function serviceWithTabs(dbName: string, pages: Partial<Record<PageReader, unknown>>) {
  const tabs = {
    runReader: vi.fn(async (_tabId: number, reader: PageReader) => pages[reader]),
    showStory: vi.fn(async (_tabId: number, _args: ShowArgs, _uiLoaded: boolean) => undefined),
    hideStory: vi.fn(async (_tabId: number) => undefined),
    tabUrl: vi.fn(async (): Promise<string | null> => page.url),
    siteGranted: vi.fn(async (host: string) => host === 'added.example'),
  } satisfies TabAccess;
  const service = new BackgroundService({
    db: openDatabase(dbName),
    bundledUrl: BUNDLED_URL,
    fetch: countingFetch(),
    tabs,
  });
  const readers = () => tabs.runReader.mock.calls.map(([, reader]) => reader);
  return { service, tabs, readers };
}

const other = makePage({
  url: 'https://www.theverge.com/tech/phones',
  title: 'A phone review',
  lead: 'The battery lasts two days and the camera is better in low light.',
});

describe('BackgroundService', () => {
  it('loads the bundled index on first start and answers a page with its story', async () => {
    const fetch = countingFetch();
    const service = new BackgroundService({
      db: openDatabase('svc-first'),
      bundledUrl: BUNDLED_URL,
      fetch,
    });
    const answer = (await service.handle(message('matchPage', { page }))) as Awaited<
      ReturnType<BackgroundService['matchPage']>
    >;
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(answer.match?.story.id).toBe('why-we-think');
    expect(answer.match?.confidence).toBe('linked');
    expect(answer.match?.communities.map((c) => c.id)).toEqual(['hackernews', 'r-localllama']);
  });

  it('answers the same after a restart, from the database, without downloading again', async () => {
    const db = 'svc-restart';
    const first = new BackgroundService({
      db: openDatabase(db),
      bundledUrl: BUNDLED_URL,
      fetch: countingFetch(),
    });
    await first.ready;
    const fetch = countingFetch();
    const second = new BackgroundService({ db: openDatabase(db), bundledUrl: BUNDLED_URL, fetch });
    // No await on ready: handle() itself must wait for init.
    const answer = (await second.handle(message('matchPage', { page }))) as ReturnType<
      BackgroundService['matchPage']
    >;
    expect(answer.match?.story.id).toBe('why-we-think');
    expect(fetch).toHaveBeenCalledTimes(1);
    const status = (await second.handle(message('indexStatus', {}))) as Awaited<
      ReturnType<BackgroundService['status']>
    >;
    expect(status.stories).toBe(1);
    expect(status.bundled).toBe(true);
  });

  it('does not even read the bundle after a restart when the stored index carries its tag', async () => {
    const db = 'svc-tag';
    const first = new BackgroundService({
      db: openDatabase(db),
      bundledUrl: BUNDLED_URL,
      bundleTag: 'abc123',
      fetch: countingFetch(),
    });
    await first.ready;
    const fetch = countingFetch();
    const second = new BackgroundService({
      db: openDatabase(db),
      bundledUrl: BUNDLED_URL,
      bundleTag: 'abc123',
      fetch,
    });
    await second.ready;
    expect(fetch).not.toHaveBeenCalled();
    expect(second.matchPage(page).match?.story.id).toBe('why-we-think');
  });

  it('remembers "not this story" for the page, and "hide on this site"', async () => {
    const service = new BackgroundService({
      db: openDatabase('svc-reject'),
      bundledUrl: BUNDLED_URL,
      fetch: countingFetch(),
    });
    await service.handle(message('rejectStory', { url: page.url, storyId: 'why-we-think' }));
    const answer = (await service.handle(message('matchPage', { page }))) as ReturnType<
      BackgroundService['matchPage']
    >;
    expect(answer.match).toBeNull();
    expect(Object.values((await loadSettings()).rejectedStories)).toEqual([['why-we-think']]);

    const shown = await service.handle(message('pageSettings', { url: page.url }));
    expect(shown).toMatchObject({ allowed: true });
    const hidden = await service.handle(message('hideOnSite', { url: page.url }));
    expect(hidden).toMatchObject({ allowed: false });
  });

  it('applies "only linked pages" from the settings', async () => {
    const service = new BackgroundService({
      db: openDatabase('svc-linked'),
      bundledUrl: BUNDLED_URL,
      fetch: countingFetch(),
    });
    await service.ready;
    // A page about the same essay that no thread links to: a text match.
    const elsewhere = makePage({
      url: 'https://www.theverge.com/ai/why-we-think-essay',
      title: 'Why We Think: chain-of-thought and test-time compute in language models',
      lead: 'Lilian Weng on chain-of-thought reasoning and test-time compute in language models.',
    });
    expect(service.matchPage(elsewhere).match?.confidence).toBe('likely');
    await updateSettings((s) => ({ ...s, minConfidence: 'linked' }));
    service.settingsChanged(await loadSettings());
    expect(service.matchPage(elsewhere).match).toBeNull();
    expect(service.matchPage(page).match?.confidence).toBe('linked');
  });

  it('keeps answering from the old index when a sync fails, with the error in the status', async () => {
    const service = new BackgroundService({
      db: openDatabase('svc-fail'),
      bundledUrl: BUNDLED_URL,
      fetch: countingFetch(),
    });
    await service.ready;
    await updateSettings((s) => ({ ...s, indexSource: 'http://127.0.0.1:9/nothing.json' }));
    service.settingsChanged(await loadSettings());
    const status = (await service.handle(message('syncNow', {}))) as Awaited<
      ReturnType<BackgroundService['status']>
    >;
    expect(status.lastError).toMatch(/^http:\/\/127\.0\.0\.1:9\/nothing\.json: /);
    expect(status.stories).toBe(1);
    const answer = service.matchPage(page);
    expect(answer.match?.story.id).toBe('why-we-think');
  });

  it('reads a tab: a quick reading with no sign of AI settles it, and the page gets nothing', async () => {
    const { service, tabs, readers } = serviceWithTabs('svc-quick-settles', {
      quick: report(other, true),
    });
    const seen = await service.readTab(7, other.url);
    expect(readers()).toEqual(['quick']);
    expect(seen?.match).toBeNull();
    expect(seen?.readOnLoad).toBe(true);
    expect(tabs.showStory).not.toHaveBeenCalled();
    expect(tabs.hideStory).not.toHaveBeenCalled();
  });

  it('a quick reading with a sign of AI earns the full one, and a match puts the story and the UI in the page', async () => {
    const { service, tabs, readers } = serviceWithTabs('svc-full-match', {
      quick: report({ ...page, lead: 'Chain-of-thought reasoning in language models.' }, true),
      full: report(page),
    });
    const seen = await service.readTab(7, page.url);
    expect(readers()).toEqual(['quick', 'full']);
    expect(seen?.match?.story.id).toBe('why-we-think');
    expect(tabs.showStory).toHaveBeenCalledTimes(1);
    const [tabId, [match, settings, pageUrl], uiLoaded] = tabs.showStory.mock.calls[0]!;
    expect(tabId).toBe(7);
    expect(match.story.id).toBe('why-we-think');
    expect(settings).toMatchObject({ allowed: true, sidebarMode: 'tab' });
    expect(pageUrl).toBe(page.canonicalUrl ?? page.url);
    expect(uiLoaded).toBe(false);
  });

  it('finishes a raw reading before using it: whitespace collapsed, a relative canonical resolved', async () => {
    const raw = {
      ...page,
      title: '  Why  We\n\tThink ',
      lead: `  ${page.lead.replace(/ /g, '\n   ')}  `,
      canonicalUrl: '/posts/2025-05-01-thinking/',
    };
    const { service, tabs } = serviceWithTabs('svc-finish-raw', {
      quick: report(raw, true),
      full: report(raw),
    });
    const seen = await service.readTab(7, page.url);
    expect(seen?.reading.title).toBe('Why We Think');
    expect(seen?.reading.lead).toBe(page.lead);
    expect(seen?.reading.canonicalUrl).toBe(
      'https://lilianweng.github.io/posts/2025-05-01-thinking/',
    );
    expect(seen?.match?.story.id).toBe('why-we-think');
    expect(tabs.showStory.mock.calls[0]![1][2]).toBe(
      'https://lilianweng.github.io/posts/2025-05-01-thinking/',
    );
  });

  it('a quick reading with signs of AI but a title no story shares settles without the full one; the popup reads it in full', async () => {
    const unrelated = makePage({
      url: 'https://www.theverge.com/tech/garden',
      title: 'A gardening diary: tomatoes in November',
      lead: 'An AI model and a language model wrote parts of this reasoning diary.',
    });
    const { service, tabs, readers } = serviceWithTabs('svc-signs-no-story', {
      quick: report(unrelated, true),
      full: report(unrelated),
    });
    tabs.tabUrl.mockResolvedValue(unrelated.url);
    const seen = await service.readTab(7, unrelated.url);
    expect(seen?.aiScore).toBeGreaterThan(0);
    expect(seen?.match).toBeNull();
    expect(readers()).toEqual(['quick']);
    expect(tabs.showStory).not.toHaveBeenCalled();
    // The verdict rests on the quick reading: the popup's question takes the full one.
    await service.matchTab(7);
    expect(readers()).toEqual(['quick', 'quick', 'full']);
  });

  it('a route change where the sidebar runs: the new story without a second UI, or the sidebar taken away', async () => {
    const pages: { quick?: unknown } = { quick: report(page, false, true) };
    const { service, tabs } = serviceWithTabs('svc-route-change', pages);
    await service.readTab(7, page.url);
    expect(tabs.showStory.mock.calls[0]?.[2]).toBe(true);
    pages.quick = report(other, true, true);
    await service.readTab(7, other.url);
    expect(tabs.hideStory).toHaveBeenCalledExactlyOnceWith(7);
    expect(tabs.showStory).toHaveBeenCalledTimes(1);
  });

  it('changes nothing for a stale reading (the tab moved on) or a malformed report', async () => {
    const pages: { quick?: unknown } = { quick: report(page) };
    const { service, tabs } = serviceWithTabs('svc-stale', pages);
    // Superseded while reading.
    expect(await service.readTab(7, page.url, () => false)).toBeNull();
    // The page answered for another address than the one the read was for.
    expect(await service.readTab(7, 'https://lilianweng.github.io/posts/other/')).toBeNull();
    // A page's script can fail (no result) or hand back something else.
    for (const bad of [
      undefined,
      null,
      { reading: page },
      report({ ...page, title: 'x'.repeat(5000) }),
      { ...report(page), extra: 1 },
    ]) {
      pages.quick = bad;
      expect(await service.readTab(7, page.url)).toBeNull();
    }
    expect(tabs.showStory).not.toHaveBeenCalled();
  });

  it('reads a page a site adapter may read with read-site.js first, and asks the popup’s question the same way', async () => {
    const thread = makePage({
      kind: 'reddit',
      url: 'https://www.reddit.com/r/LocalLLaMA/comments/1mieyhh/openai_just_dropped/',
      title: 'OpenAI just dropped two new open-source models',
    });
    const { service, tabs, readers } = serviceWithTabs('svc-site-reader', {
      site: report(thread),
    });
    tabs.tabUrl.mockResolvedValue(thread.url);
    await service.readTab(7, thread.url);
    expect(readers()).toEqual(['site']);
    service.forgetTab(7);
    await service.matchTab(7);
    expect(readers()).toEqual(['site', 'site']);
  });

  it('reads only https pages of default or added sites, never one the reader hid', async () => {
    const { service, readers } = serviceWithTabs('svc-sites', { quick: report(other, true) });
    expect(await service.readsSite('https://www.theverge.com/x')).toBe(true);
    expect(await service.readsSite('http://www.theverge.com/x')).toBe(false);
    expect(await service.readsSite('https://added.example/a')).toBe(true);
    expect(await service.readsSite('https://mail.example/inbox')).toBe(false);
    expect(await service.readTab(7, 'https://mail.example/inbox')).toBeNull();
    await service.handle(message('hideOnSite', { url: other.url }));
    expect(await service.readTab(7, other.url)).toBeNull();
    expect(readers()).toEqual([]);
  });

  it('answers the popup from the reading taken at load, else reads the tab now; it names the story on a hidden site too', async () => {
    const { service, tabs, readers } = serviceWithTabs('svc-match-tab', {
      quick: report(page, true),
      full: report(page),
    });
    await service.readTab(7, page.url);
    const known = await service.matchTab(7);
    expect(known?.readOnLoad).toBe(true);
    // The load's quick reading showed AI, so the full one followed; the popup reads nothing more.
    expect(readers()).toEqual(['quick', 'full']);
    service.forgetTab(7);
    await service.handle(message('hideOnSite', { url: page.url }));
    const now = (await service.handle(message('matchTab', { tabId: 7 }))) as TabMatch | null;
    expect(now?.readOnLoad).toBe(false);
    expect(now?.match?.story.id).toBe('why-we-think');
    // Read now: the quick reading, whose metadata the full one completes.
    expect(readers()).toEqual(['quick', 'full', 'quick', 'full']);
    // A tab on a site Crosstalk does not read has no answer, and is not read.
    tabs.tabUrl.mockResolvedValueOnce('https://mail.example/inbox');
    expect(await service.matchTab(7)).toBeNull();
    expect(readers()).toEqual(['quick', 'full', 'quick', 'full']);
  });
});
