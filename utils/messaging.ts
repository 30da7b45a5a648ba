/**
 * The one typed contract between Crosstalk's parts and the background, which
 * owns the database. Every request names its type; the background checks the
 * sender and the payload's shape (utils/messaging-guard.ts) before a handler
 * runs, and always answers with a Reply so an error crosses the boundary as
 * plain words instead of a rejected promise with no message.
 */
import { browser } from 'wxt/browser';
import type { Community, Story, Topic } from './index/schema';
import type { PageReading } from './page/types';

export type Confidence = 'linked' | 'likely';

/** A story with what the UI needs to show it, resolved by the background. */
export interface StoryBundle {
  story: Story;
  communities: Community[];
  topics: Topic[];
  related: { id: string; title: string }[];
}

export interface MatchAnswer {
  /**
   * The page's display settings, in the same answer so a page costs one
   * round trip. When `allowed` is false nothing was classified or matched.
   */
  settings: PageSettings;
  /**
   * True when the background has started injecting sidebar.js into the
   * asking frame alongside this answer: the UI registers itself and picks
   * up the pending story (utils/sidebar-contract.ts) without another request.
   */
  sidebarComing: boolean;
  /**
   * True when the request carried a quick reading that could not settle the
   * answer (utils/background/reading-gate.ts): read the page in full and ask
   * again. Nothing else in this answer counts then.
   */
  needsFullReading: boolean;
  /** Whether the page reads as being about AI at all. */
  ai: boolean;
  aiScore: number;
  pageTopics: string[];
  match: (StoryBundle & { confidence: Confidence; score: number; why: string }) | null;
}

export interface SearchHit {
  id: string;
  title: string;
  summary: string;
  lastSeen: string;
  communities: string[];
  topics: string[];
  score: number;
  /** Query terms that matched, for highlighting. */
  terms: string[];
}

export interface IndexStatus {
  source: string;
  bundled: boolean;
  generatedAt: string | null;
  stories: number;
  communities: Community[];
  topics: Topic[];
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  syncing: boolean;
  progress: number | null;
}

/**
 * What a page's sidebar needs of the settings. The content script asks for
 * this instead of reading and validating the settings itself, which keeps the
 * schema library and the storage wrapper out of the code paid on every page.
 */
export interface PageSettings {
  /** False when the reader turned Crosstalk off on this site or everywhere. */
  allowed: boolean;
  sidebarMode: 'tab' | 'open' | 'off';
  disabledCommunities: string[];
  panelDocked: boolean;
}

/** Requests to the background: type → request payload and answer. */
export interface BackgroundContract {
  /** uiLoaded: sidebar.js already runs in the asking frame (a route change on a single-page site). */
  matchPage: {
    /** quick: the page was read with readPageQuick and its generic lead is the quick one. */
    request: { page: PageReading; uiLoaded?: boolean; quick?: boolean };
    response: MatchAnswer;
  };
  pageSettings: { request: { url: string }; response: PageSettings };
  /** "Not this story" on the page at `url`; remembered per canonical page URL. */
  rejectStory: { request: { url: string; storyId: string }; response: PageSettings };
  /** "Hide on this site". */
  hideOnSite: { request: { url: string }; response: PageSettings };
  setPanelDocked: { request: { url: string; docked: boolean }; response: PageSettings };
  /** Inject sidebar.js (the UI) into the asking tab's frame: only pages with a story pay for it. */
  loadSidebar: { request: Record<string, never>; response: boolean };
  search: {
    request: { query: string; topic?: string | null; community?: string | null; limit?: number };
    response: SearchHit[];
  };
  getStory: { request: { id: string }; response: StoryBundle | null };
  indexStatus: { request: Record<string, never>; response: IndexStatus };
  syncNow: { request: Record<string, never>; response: IndexStatus };
  useBundledIndex: { request: Record<string, never>; response: IndexStatus };
}

export type BackgroundRequestType = keyof BackgroundContract;

/** Content-script requests are limited to what a page's sidebar needs (its match,
 * the related stories it links to, its display settings and its own controls);
 * the rest (search, sync, status) is for extension pages only. */
export const CONTENT_SCRIPT_REQUESTS: readonly BackgroundRequestType[] = [
  'matchPage',
  'getStory',
  'pageSettings',
  'rejectStory',
  'hideOnSite',
  'setPanelDocked',
  'loadSidebar',
];

/** The extension-storage key of the settings item (utils/settings.ts). */
export const SETTINGS_STORAGE_KEY = 'settings';

export interface BackgroundMessage<T extends BackgroundRequestType = BackgroundRequestType> {
  to: 'background';
  type: T;
  payload: BackgroundContract[T]['request'];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages from extension pages and the background to a tab's content script. */
export interface ContentContract {
  /** The keyboard command: open or close the sidebar. */
  toggleSidebar: { request: Record<string, never>; response: boolean };
  /** The popup asks what the tab reads as, to match it with the background. */
  getReading: { request: Record<string, never>; response: PageReading | null };
}

export type ContentRequestType = keyof ContentContract;

export interface ContentMessage<T extends ContentRequestType = ContentRequestType> {
  to: 'content';
  type: T;
  payload: ContentContract[T]['request'];
}

export async function askBackground<T extends BackgroundRequestType>(
  type: T,
  payload: BackgroundContract[T]['request'],
): Promise<BackgroundContract[T]['response']> {
  const message: BackgroundMessage<T> = { to: 'background', type, payload };
  const reply = (await browser.runtime.sendMessage(message)) as
    Reply<BackgroundContract[T]['response']> | undefined;
  if (!reply) throw new Error(`The background gave no answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export async function askTab<T extends ContentRequestType>(
  tabId: number,
  type: T,
  payload: ContentContract[T]['request'],
): Promise<ContentContract[T]['response']> {
  const message: ContentMessage<T> = { to: 'content', type, payload };
  const reply = (await browser.tabs.sendMessage(tabId, message)) as
    Reply<ContentContract[T]['response']> | undefined;
  if (!reply) throw new Error(`The tab gave no answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
