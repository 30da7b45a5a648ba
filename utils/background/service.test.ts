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
import type { BackgroundMessage } from '../messaging';
import { loadSettings, updateSettings } from '../settings';
import { BackgroundService } from './service';

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

type Answer = ReturnType<BackgroundService['matchPage']>;

/** A service on its own database whose sidebar injections are recorded, not performed. */
function serviceWithInjector(dbName: string) {
  const inject = vi.fn(async () => undefined);
  const service = new BackgroundService({
    db: openDatabase(dbName),
    bundledUrl: BUNDLED_URL,
    fetch: countingFetch(),
    injectSidebar: inject,
  });
  return { service, inject };
}

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

  it('does not inject the sidebar for a sender without a tab', async () => {
    const { service, inject } = serviceWithInjector('svc-inject');
    expect(await service.handle(message('loadSidebar', {}), { id: 'x' })).toBe(false);
    expect(
      await service.handle(message('loadSidebar', {}), { id: 'x', tab: { id: 7 }, frameId: 2 }),
    ).toBe(true);
    expect(inject).toHaveBeenCalledWith(7, 2);
  });

  it('answers a page with its settings and starts the sidebar beside a match, once per frame', async () => {
    const { service, inject } = serviceWithInjector('svc-inject-with-match');
    const tab = { id: 'x', tab: { id: 7 }, frameId: 3 };
    const first = (await service.handle(message('matchPage', { page }), tab)) as Answer;
    expect(first.match?.story.id).toBe('why-we-think');
    expect(first.settings).toMatchObject({ allowed: true, sidebarMode: 'tab' });
    expect(first.sidebarComing).toBe(true);
    expect(inject).toHaveBeenCalledWith(7, 3);

    // sidebar.js already runs in that frame (a route change): nothing is injected again.
    const again = (await service.handle(
      message('matchPage', { page, uiLoaded: true }),
      tab,
    )) as Answer;
    expect(again.match?.story.id).toBe('why-we-think');
    expect(again.sidebarComing).toBe(false);

    // No story: nothing to inject.
    const other = makePage({
      url: 'https://www.theverge.com/tech/phones',
      title: 'A phone review',
    });
    const none = (await service.handle(message('matchPage', { page: other }), tab)) as Answer;
    expect(none.match).toBeNull();
    expect(none.sidebarComing).toBe(false);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('settles a quick reading with no sign of AI, and asks for the full reading of any other', async () => {
    const { service, inject } = serviceWithInjector('svc-quick-reading');
    const tab = { id: 'x', tab: { id: 7 }, frameId: 0 };

    // A page about something else: the quick reading is the last word.
    const other = makePage({
      url: 'https://www.theverge.com/tech/phones',
      title: 'A phone review',
      lead: 'The battery lasts two days and the camera is better in low light.',
    });
    const settled = (await service.handle(
      message('matchPage', { page: other, quick: true }),
      tab,
    )) as Answer;
    expect(settled.needsFullReading).toBe(false);
    expect(settled.match).toBeNull();
    expect(settled.settings).toMatchObject({ allowed: true });

    // The story's page: the quick reading only earns a full one, and no sidebar yet.
    const quick = (await service.handle(
      message('matchPage', { page, quick: true }),
      tab,
    )) as Answer;
    expect(quick.needsFullReading).toBe(true);
    expect(quick.match).toBeNull();
    expect(quick.sidebarComing).toBe(false);
    expect(inject).not.toHaveBeenCalled();

    const full = (await service.handle(message('matchPage', { page }), tab)) as Answer;
    expect(full.needsFullReading).toBe(false);
    expect(full.match?.story.id).toBe('why-we-think');
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('tells a page on a hidden site nothing, but still names the story to the popup', async () => {
    const { service, inject } = serviceWithInjector('svc-hidden-site');
    await service.handle(message('hideOnSite', { url: page.url }));
    const inPage = (await service.handle(message('matchPage', { page }), {
      id: 'x',
      tab: { id: 7 },
      frameId: 0,
    })) as Answer;
    expect(inPage.settings.allowed).toBe(false);
    expect(inPage.match).toBeNull();
    expect(inject).not.toHaveBeenCalled();
    const fromPopup = (await service.handle(message('matchPage', { page }), { id: 'x' })) as Answer;
    expect(fromPopup.match?.story.id).toBe('why-we-think');
  });
});
