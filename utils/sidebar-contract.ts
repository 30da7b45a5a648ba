/**
 * The seam between the two halves of the content script. content.js (small:
 * reads the page, asks for a match) runs on every allowed page; sidebar.js
 * (Preact, the components, the styles) is injected by the background only into
 * a tab whose page matched a story. Both run in the extension's isolated world
 * of the same frame, so sidebar.js hands content.js its controller through
 * that world's global object, which the page cannot see.
 *
 * The background starts injecting sidebar.js as it answers a match, so the
 * answer and the UI race to the page: whichever comes second shows the story.
 * content.js leaves the story pending when the UI is not there yet, and the UI
 * takes it up when it registers.
 */
import type { MatchAnswer, PageSettings } from './messaging';

export type StoryMatchResult = NonNullable<MatchAnswer['match']>;

export interface SidebarUi {
  /** Show (or replace) the story for this page, as a tab or an open panel per the settings. */
  show(match: StoryMatchResult, settings: PageSettings, pageUrl: string): void;
  /** New display settings (a community switched off, docked, …): re-render at once. */
  update(settings: PageSettings): void;
  /** Remove everything Crosstalk added to the page. */
  hide(): void;
  /** The keyboard command; returns whether the panel is now open. */
  toggle(): boolean;
  /**
   * Work that does not depend on the story (parsing styles, loading the message catalogue and
   * fonts), done ahead of it. Called only when the UI registers with no story waiting: a story
   * that is already here is shown at once, and showing it does that work anyway.
   */
  prepare?(): void;
}

export const SIDEBAR_UI_KEY = '__crosstalkSidebarUi';

export function sidebarUi(): SidebarUi | undefined {
  return (globalThis as Record<string, unknown>)[SIDEBAR_UI_KEY] as SidebarUi | undefined;
}

const PENDING_KEY = '__crosstalkPendingShow';

type ShowArgs = Parameters<SidebarUi['show']>;

function globals(): Record<string, unknown> {
  return globalThis as Record<string, unknown>;
}

/** content.js: show the story now if the UI is here, or as soon as it registers. */
export function showWhenReady(...args: ShowArgs): void {
  const ui = sidebarUi();
  if (ui) {
    delete globals()[PENDING_KEY];
    ui.show(...args);
  } else {
    globals()[PENDING_KEY] = args;
  }
}

/** content.js: the page no longer has a story (a newer reading, hidden site). */
export function clearPendingShow(): void {
  delete globals()[PENDING_KEY];
}

/** sidebar.js: hand content.js the controller and show what is waiting. */
export function registerSidebarUi(ui: SidebarUi): void {
  globals()[SIDEBAR_UI_KEY] = ui;
  const pending = globals()[PENDING_KEY] as ShowArgs | undefined;
  delete globals()[PENDING_KEY];
  if (pending) ui.show(...pending);
  else ui.prepare?.();
}
