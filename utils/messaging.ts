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
  /** The page's display settings. When `allowed` is false nothing was classified or matched. */
  settings: PageSettings;
  /** Whether the page reads as being about AI at all. */
  ai: boolean;
  aiScore: number;
  pageTopics: string[];
  match: (StoryBundle & { confidence: Confidence; score: number; why: string }) | null;
}

/** What the background made of a tab's page, for the popup's "this tab" answer. */
export interface TabMatch extends MatchAnswer {
  /** The reading matched. */
  reading: PageReading;
  /**
   * True when the answer is the one the background gave when the page loaded
   * (it reads every allowed page by itself), false when the tab was read now.
   */
  readOnLoad: boolean;
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
 * What a page's sidebar needs of the settings. The sidebar asks for this
 * instead of reading and validating the settings itself, which keeps the
 * schema library and the storage wrapper out of the page.
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
  /** What the background makes of a reading (extension pages: the demo and the tests). */
  matchPage: { request: { page: PageReading }; response: MatchAnswer };
  /**
   * The story of the page in a tab (the popup's "this tab"): null when the tab
   * is not on a site Crosstalk reads.
   */
  matchTab: { request: { tabId: number }; response: TabMatch | null };
  pageSettings: { request: { url: string }; response: PageSettings };
  /** "Not this story" on the page at `url`; remembered per canonical page URL. */
  rejectStory: { request: { url: string; storyId: string }; response: PageSettings };
  /** "Hide on this site". */
  hideOnSite: { request: { url: string }; response: PageSettings };
  setPanelDocked: { request: { url: string; docked: boolean }; response: PageSettings };
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

/**
 * A content script (sidebar.js, the one script in a page that asks the
 * background anything) may ask only what a page's sidebar needs: the related
 * stories it links to, its display settings and its own controls. The rest
 * (matching, search, sync, status) is for extension pages only: the background
 * reads pages itself and a page never asks to be matched.
 */
export const CONTENT_SCRIPT_REQUESTS: readonly BackgroundRequestType[] = [
  'getStory',
  'pageSettings',
  'rejectStory',
  'hideOnSite',
  'setPanelDocked',
];

/** The extension-storage key of the settings item (utils/settings.ts). */
export const SETTINGS_STORAGE_KEY = 'settings';

export interface BackgroundMessage<T extends BackgroundRequestType = BackgroundRequestType> {
  to: 'background';
  type: T;
  payload: BackgroundContract[T]['request'];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

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
