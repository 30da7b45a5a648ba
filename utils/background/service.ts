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
import { classifyText } from '../topic/classify';
import type {
  BackgroundContract,
  BackgroundMessage,
  IndexStatus,
  MatchAnswer,
  StoryBundle,
} from '../messaging';
import type { PageReading } from '../page/types';
import { canonicalUrl } from '../match/canonical-url';
import { loadSettings, type Settings } from '../settings';

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
  /** URL of the bundled index inside the extension. */
  bundledUrl: string;
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
    await ensureBundledIndex(this.options.db, this.options.bundledUrl, this.options.fetch);
    await this.reload();
  }

  /** Rebuild the in-memory state from the database (after start or an import). */
  async reload(): Promise<void> {
    const [stories, meta] = await Promise.all([
      getAllStories(this.options.db),
      getIndexMeta(this.options.db),
    ]);
    this.loaded = {
      stories: new Map(stories.map((s) => [s.id, s])),
      communities: meta?.communities ?? [],
      topics: meta?.topics ?? [],
      matcher: createMatcher(stories),
      search: createStorySearch(stories),
    };
  }

  settingsChanged(settings: Settings): void {
    this.settings = settings;
  }

  async handle(message: BackgroundMessage): Promise<BackgroundContract[typeof message.type]['response']> {
    await this.ready;
    switch (message.type) {
      case 'matchPage':
        return this.matchPage((message as BackgroundMessage<'matchPage'>).payload.page);
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
      case 'indexStatus':
        return this.status();
      case 'syncNow':
        return this.sync();
      case 'useBundledIndex':
        return this.sync({ bundled: true });
    }
  }

  private state(): Loaded {
    if (!this.loaded) throw new Error('The story index is not loaded yet');
    return this.loaded;
  }

  matchPage(page: PageReading): MatchAnswer {
    const classification = classifyText({
      title: page.title,
      text: `${page.description}\n${page.lead}`,
      lang: page.lang,
      url: page.url,
    });
    const answer: MatchAnswer = {
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
    answer.match = { ...bundle, confidence: result.confidence, score: result.score, why: result.why };
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
      source: meta?.source ?? this.options.bundledUrl,
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
