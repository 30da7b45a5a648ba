/**
 * What the background knows and answers. One instance per service-worker life:
 * `ready` resolves once the database is open, the settings are loaded, the
 * bundled index is in place and the in-memory matcher and search are built.
 * Every answer waits for it, so a restarted worker answers as the old one did.
 *
 * It also reads pages: readTab runs a reader script in a tab (the quick one,
 * then the full one where the quick reading cannot settle the page), matches
 * what it gets back, and puts the story into the page or takes it away. When
 * it does so is tab-watch.ts's business.
 */
import type { Community, Story, Topic } from '../index/schema';
import type { CrosstalkDatabase } from '../index/db';
import { getAllStories, getIndexMeta } from '../index/store';
import { ensureBundledIndex, getSyncStatus, syncIndex } from '../index/sync';
import { createMatcher } from '../match/matcher';
import { createStorySearch } from '../match/search';
import { tokenizeStories } from '../match/story-terms';
import { classifyPage } from '../topic/page';
import { CLASSIFY_MEASURE, timed } from './timing';
import type {
  BackgroundContract,
  BackgroundMessage,
  IndexStatus,
  MatchAnswer,
  PageSettings,
  StoryBundle,
  TabMatch,
} from '../messaging';
import { MAX_URL_CHARS, type PageReading, type PageReport } from '../page/types';
import { checkPageReport } from '../messaging-guard';
import { finishReading } from '../page/finish';
import type { ShowArgs } from '../sidebar-contract';
import { canonicalUrl } from '../match/canonical-url';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  pageSettingsFor,
  updateSettings,
  withRejectedStory,
  type Settings,
} from '../settings';
import { siteAdapterMayRead } from '../page/adapters/addresses';
import { isDefaultSite, siteOf } from '../sites';
import { quickReadingSettles } from './reading-gate';

type Matcher = ReturnType<typeof createMatcher>;
type StorySearch = ReturnType<typeof createStorySearch>;

interface Loaded {
  stories: Map<string, Story>;
  communities: Community[];
  topics: Topic[];
  matcher: Matcher;
  search: StorySearch;
}

/**
 * The reader scripts: 'site' (read-site.js) on the addresses a site adapter may read, 'quick'
 * (read-quick.js) on every other page, 'full' (read-full.js) where a quick reading cannot settle
 * the page. Each holds only its pages' code.
 */
export type PageReader = 'quick' | 'site' | 'full';

/** The first reader a page gets: the site adapters where one may read it, else the quick one. */
export function firstReaderFor(url: string): PageReader {
  return siteAdapterMayRead(url) ? 'site' : 'quick';
}

/** What the service does to tabs (scripting.executeScript and friends in the extension). */
export interface TabAccess {
  /** Runs a reader script in the tab's top frame; its result, unchecked (undefined if it failed). */
  runReader(tabId: number, reader: PageReader): Promise<unknown>;
  /** Sends the story to the tab's page and, unless the UI already runs there, sidebar.js. */
  showStory(tabId: number, args: ShowArgs, uiLoaded: boolean): Promise<void>;
  /** Takes the sidebar out of the tab's page. */
  hideStory(tabId: number): Promise<void>;
  /** The tab's address, or null when it is unknown or not ours to know. */
  tabUrl(tabId: number): Promise<string | null>;
  /** Whether the reader granted Crosstalk this site (a site beyond the default list). */
  siteGranted(host: string): Promise<boolean>;
}

export interface ServiceOptions {
  db: CrosstalkDatabase;
  /** How the service reaches into tabs; without it, it reads no page. */
  tabs?: TabAccess;
  /** URL of the bundled index inside the extension. */
  bundledUrl: string;
  /** A fingerprint of the bundled index; when the stored index carries it, the bundle is not re-read. */
  bundleTag?: string;
  fetch?: typeof fetch;
}

export class BackgroundService {
  private starting: Promise<void> | null = null;
  private loaded: Loaded | null = null;
  private settings: Settings | null = null;
  private syncing: Promise<IndexStatus> | null = null;
  private progress: number | null = null;
  /** What each tab's page read as when the background last read it on its own (for the popup). */
  private readonly lastRead = new Map<number, TabMatch>();

  constructor(private readonly options: ServiceOptions) {}

  /**
   * Resolves once the service can answer. Started by the first request that
   * needs it, not when the worker starts: the worker also wakes for tab events
   * of pages Crosstalk never reads, and those should not load the index.
   */
  get ready(): Promise<void> {
    if (!this.starting) {
      this.starting = this.init();
      this.starting.catch((error: unknown) => console.error('Crosstalk: start-up failed', error));
    }
    return this.starting;
  }

  private async init(): Promise<void> {
    await this.options.db.open();
    this.settings = await loadSettings();
    await ensureBundledIndex(this.options.db, this.options.bundledUrl, this.options.fetch, {
      tag: this.options.bundleTag,
    });
    await this.reload();
  }

  /** Rebuild the in-memory state from the database (after start or an import). */
  async reload(): Promise<void> {
    const [stories, meta] = await Promise.all([
      getAllStories(this.options.db),
      getIndexMeta(this.options.db),
    ]);
    // One tokenisation of every story for both; the search builds its index on first use.
    const terms = tokenizeStories(stories);
    this.loaded = {
      stories: new Map(stories.map((s) => [s.id, s])),
      communities: meta?.communities ?? [],
      topics: meta?.topics ?? [],
      matcher: createMatcher(stories, { terms }),
      search: createStorySearch(stories, terms),
    };
  }

  settingsChanged(settings: Settings): void {
    this.settings = settings;
  }

  async handle(
    message: BackgroundMessage,
  ): Promise<BackgroundContract[typeof message.type]['response']> {
    await this.ready;
    switch (message.type) {
      case 'matchPage': {
        const p = (message as BackgroundMessage<'matchPage'>).payload;
        return this.matchPage(p.page, await this.pageSettings(p.page.url));
      }
      case 'matchTab':
        return this.matchTab((message as BackgroundMessage<'matchTab'>).payload.tabId);
      case 'search': {
        const p = (message as BackgroundMessage<'search'>).payload;
        return this.state().search.search(p.query, {
          topic: p.topic ?? null,
          community: p.community ?? null,
          limit: p.limit ?? 20,
        });
      }
      case 'getStory':
        return this.bundle((message as BackgroundMessage<'getStory'>).payload.id);
      case 'pageSettings':
        return this.pageSettings((message as BackgroundMessage<'pageSettings'>).payload.url);
      case 'rejectStory': {
        const p = (message as BackgroundMessage<'rejectStory'>).payload;
        const key = canonicalUrl(p.url);
        if (key) this.settings = await updateSettings((s) => withRejectedStory(s, key, p.storyId));
        return this.pageSettings(p.url);
      }
      case 'hideOnSite': {
        const p = (message as BackgroundMessage<'hideOnSite'>).payload;
        const host = siteOf(p.url);
        if (host) {
          this.settings = await updateSettings((s) => ({
            ...s,
            hiddenOnSites: [...new Set([...s.hiddenOnSites, host])],
          }));
        }
        return this.pageSettings(p.url);
      }
      case 'setPanelDocked': {
        const p = (message as BackgroundMessage<'setPanelDocked'>).payload;
        this.settings = await updateSettings((s) => ({ ...s, panelDocked: p.docked }));
        return this.pageSettings(p.url);
      }
      case 'indexStatus':
        return this.status();
      case 'syncNow':
        return this.sync();
      case 'useBundledIndex':
        return this.sync({ bundled: true });
    }
  }

  private async pageSettings(url: string) {
    // Read fresh: the options page may have changed them a moment ago.
    this.settings = await loadSettings();
    return pageSettingsFor(this.settings, url);
  }

  private state(): Loaded {
    if (!this.loaded) throw new Error('The story index is not loaded yet');
    return this.loaded;
  }

  /**
   * Whether Crosstalk reads pages at `url` at all: an https page on a default
   * site or on one the reader added (utils/sites.ts). Whether it is turned off
   * there is the settings' say (pageSettings().allowed).
   */
  async readsSite(url: string): Promise<boolean> {
    if (!/^https:\/\//i.test(url)) return false;
    const host = siteOf(url);
    if (!host) return false;
    return isDefaultSite(host) || ((await this.options.tabs?.siteGranted(host)) ?? false);
  }

  private async runReader(tabId: number, reader: PageReader): Promise<PageReport | null> {
    const result = await this.options.tabs?.runReader(tabId, reader);
    if (result === undefined) return null;
    const checked = checkPageReport(result);
    if (!checked.ok) {
      console.debug(`Crosstalk: ${checked.error}`);
      return null;
    }
    // The readers hand over raw strings (utils/page/finish.ts): cleaning them here, in warm code,
    // is what keeps that work off every page's main thread.
    return { ...checked.report, reading: finishReading(checked.report.reading) };
  }

  /**
   * Reads the page in a tab and shows or takes away its story: the quick
   * reading first, the full one only where the quick one shows some sign of AI
   * or a story (reading-gate.ts). `isCurrent` says whether the tab is still on
   * the page this reading is for; a newer reading wins, and a stale one changes
   * nothing. Returns what the page read as, or null when it was not read.
   */
  async readTab(
    tabId: number,
    url: string,
    isCurrent: () => boolean = () => true,
  ): Promise<TabMatch | null> {
    await this.ready;
    this.lastRead.delete(tabId);
    if (!this.options.tabs || !(await this.readsSite(url))) return null;
    const settings = await this.pageSettings(url);
    if (!settings.allowed || !isCurrent()) return null;
    const first = await this.runReader(tabId, firstReaderFor(url));
    // The tab went on to another address meanwhile: that one's reading decides.
    if (!first || !isCurrent() || first.reading.url !== url.slice(0, MAX_URL_CHARS)) return null;
    let reading = first.reading;
    let answer = this.matchPage(reading, settings);
    // Whether the answer rests on the quick reading although it showed signs of AI: it cannot
    // match a story, but its verdict on AI is the quick one's, so the popup reads it in full.
    let settledOnSigns = false;
    if (first.quick) {
      const { matcher } = this.state();
      if (
        !quickReadingSettles(answer.aiScore, answer.match !== null, () =>
          matcher.couldMatchByText(first.reading),
        )
      ) {
        const full = await this.runReader(tabId, 'full');
        if (!full || !isCurrent()) return null;
        reading = full.reading;
        answer = this.matchPage(reading, settings);
      } else settledOnSigns = answer.aiScore > 0;
    }
    if (!isCurrent()) return null;
    if (answer.match) {
      const pageUrl = reading.canonicalUrl ?? reading.url;
      await this.options.tabs.showStory(tabId, [answer.match, settings, pageUrl], first.uiLoaded);
    } else if (first.uiLoaded) {
      await this.options.tabs.hideStory(tabId);
    }
    const result: TabMatch = { ...answer, reading, readOnLoad: true };
    if (!settledOnSigns) this.lastRead.set(tabId, result);
    return result;
  }

  /** The tab is gone: forget what it read as. */
  forgetTab(tabId: number): void {
    this.lastRead.delete(tabId);
  }

  /**
   * What the page in a tab reads as, for the popup: the background's own
   * reading of it when it has one for the tab's current address, else a full
   * reading taken now. Null when Crosstalk does not read the tab's site. Where
   * the reader turned Crosstalk off, the popup (asked by the reader) still
   * names the story.
   */
  async matchTab(tabId: number): Promise<TabMatch | null> {
    const url = await this.options.tabs?.tabUrl(tabId);
    if (!url || !(await this.readsSite(url))) return null;
    const known = this.lastRead.get(tabId);
    if (known && known.reading.url === url.slice(0, MAX_URL_CHARS)) return known;
    // As readTab reads: a site adapter's reading is the full one; any other page's first reading
    // hands its metadata to the full one.
    let report = await this.runReader(tabId, firstReaderFor(url));
    if (report?.quick) report = await this.runReader(tabId, 'full');
    if (!report) return null;
    const answer = this.matchPage(report.reading, await this.pageSettings(url));
    return { ...answer, reading: report.reading, readOnLoad: false };
  }

  matchPage(
    page: PageReading,
    pageSettings: PageSettings = pageSettingsFor(this.settings ?? DEFAULT_SETTINGS, page.url),
  ): MatchAnswer {
    const classification = timed(CLASSIFY_MEASURE, () => classifyPage(page));
    const answer: MatchAnswer = {
      settings: pageSettings,
      ai: classification.ai,
      aiScore: classification.score,
      pageTopics: classification.topics,
      match: null,
    };
    const settings = this.settings;
    const result = this.state().matcher.match(page, classification);
    if (!result) return answer;
    if (settings?.minConfidence === 'linked' && result.confidence !== 'linked') return answer;
    const key = canonicalUrl(page.canonicalUrl ?? page.url);
    if (key && settings?.rejectedStories[key]?.includes(result.storyId)) return answer;
    const bundle = this.bundle(result.storyId);
    if (!bundle) return answer;
    answer.match = {
      ...bundle,
      confidence: result.confidence,
      score: result.score,
      why: result.why,
    };
    return answer;
  }

  bundle(id: string): StoryBundle | null {
    const state = this.state();
    const story = state.stories.get(id);
    if (!story) return null;
    return {
      story,
      // All declared communities, not just those that reacted: the UI names the
      // enabled ones that are silent on this story.
      communities: state.communities,
      topics: state.topics.filter((t) => story.topics.includes(t.id)),
      related: story.related
        .map((rid) => state.stories.get(rid))
        .filter((s): s is Story => Boolean(s))
        .map((s) => ({ id: s.id, title: s.title })),
    };
  }

  async status(): Promise<IndexStatus> {
    const [meta, sync] = await Promise.all([
      getIndexMeta(this.options.db),
      getSyncStatus(this.options.db),
    ]);
    return {
      source: meta?.sourceUrl ?? this.options.bundledUrl,
      bundled: meta?.bundled ?? true,
      generatedAt: meta?.generatedAt ?? null,
      stories: this.loaded?.stories.size ?? 0,
      communities: meta?.communities ?? [],
      topics: meta?.topics ?? [],
      lastSyncAt: sync.lastSyncAt,
      lastSuccessAt: sync.lastSuccessAt,
      lastError: sync.lastError,
      syncing: this.syncing !== null,
      progress: this.progress,
    };
  }

  /** One sync at a time; a second request waits for the first. */
  sync(opts: { bundled?: boolean } = {}): Promise<IndexStatus> {
    if (this.syncing) return this.syncing;
    const bundled = opts.bundled || !this.settings?.indexSource;
    const url = bundled ? this.options.bundledUrl : this.settings!.indexSource!;
    this.syncing = (async () => {
      try {
        this.progress = 0;
        const result = await syncIndex(this.options.db, {
          url,
          bundled,
          fetch: this.options.fetch,
          onProgress: (f) => {
            this.progress = f;
          },
        });
        if (result.status === 'updated') await this.reload();
      } finally {
        this.progress = null;
        this.syncing = null;
      }
      return this.status();
    })();
    return this.syncing;
  }
}
