/**
 * What the background knows and answers. One instance per service-worker life:
 * `ready` resolves once the database is open, the settings are loaded, the
 * bundled index is in place and the in-memory matcher and search are built.
 * Every answer waits for it, so a restarted worker answers as the old one did.
 */
import type { Community, Story, Topic } from '../index/schema';
import type { CrosstalkDatabase } from '../index/db';
import { getAllStories, getIndexMeta } from '../index/store';
import { ensureBundledIndex, getSyncStatus, syncIndex } from '../index/sync';
import { createMatcher } from '../match/matcher';
import { createStorySearch } from '../match/search';
import { tokenizeStories } from '../match/story-terms';
import { classifyPage } from '../topic/page';
import type {
  BackgroundContract,
  BackgroundMessage,
  IndexStatus,
  MatchAnswer,
  PageSettings,
  StoryBundle,
} from '../messaging';
import type { PageReading } from '../page/types';
import type { SenderInfo } from '../messaging-guard';
import { canonicalUrl } from '../match/canonical-url';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  pageSettingsFor,
  updateSettings,
  withRejectedStory,
  type Settings,
} from '../settings';
import { siteOf } from '../sites';
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

export interface ServiceOptions {
  db: CrosstalkDatabase;
  /** Injects sidebar.js into a tab's frame (scripting.executeScript in the extension). */
  injectSidebar?: (tabId: number, frameId: number) => Promise<void>;
  /** URL of the bundled index inside the extension. */
  bundledUrl: string;
  /** A fingerprint of the bundled index; when the stored index carries it, the bundle is not re-read. */
  bundleTag?: string;
  fetch?: typeof fetch;
}

export class BackgroundService {
  readonly ready: Promise<void>;
  private loaded: Loaded | null = null;
  private settings: Settings | null = null;
  private syncing: Promise<IndexStatus> | null = null;
  private progress: number | null = null;

  constructor(private readonly options: ServiceOptions) {
    this.ready = this.init();
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
    sender: SenderInfo = {},
  ): Promise<BackgroundContract[typeof message.type]['response']> {
    await this.ready;
    switch (message.type) {
      case 'loadSidebar': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || !this.options.injectSidebar) return false;
        await this.options.injectSidebar(tabId, sender.frameId ?? 0);
        return true;
      }
      case 'matchPage': {
        const p = (message as BackgroundMessage<'matchPage'>).payload;
        const settings = await this.pageSettings(p.page.url);
        const tabId = sender.tab?.id;
        // A page's own content script is told nothing where Crosstalk is off;
        // the popup, asked by the reader, still names the tab's story.
        if (!settings.allowed && tabId !== undefined) return this.unmatched(settings);
        const answer = this.matchPage(p.page, settings);
        if (p.quick && !quickReadingSettles(answer.aiScore, answer.match !== null)) {
          return { ...this.unmatched(settings), needsFullReading: true };
        }
        if (answer.match && !p.uiLoaded && tabId !== undefined && this.options.injectSidebar) {
          // Started now, not awaited: the UI travels to the page beside the answer
          // instead of after a second request, and a failed injection costs only the panel.
          this.options
            .injectSidebar(tabId, sender.frameId ?? 0)
            .catch((error: unknown) => console.debug('Crosstalk: sidebar injection', error));
          answer.sidebarComing = true;
        }
        return answer;
      }
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

  private unmatched(settings: PageSettings): MatchAnswer {
    return {
      settings,
      sidebarComing: false,
      needsFullReading: false,
      ai: false,
      aiScore: 0,
      pageTopics: [],
      match: null,
    };
  }

  matchPage(
    page: PageReading,
    pageSettings: PageSettings = pageSettingsFor(this.settings ?? DEFAULT_SETTINGS, page.url),
  ): MatchAnswer {
    const classification = classifyPage(page);
    const answer: MatchAnswer = {
      settings: pageSettings,
      sidebarComing: false,
      needsFullReading: false,
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
