/**
 * The seam between the background and the sidebar's UI in a page. sidebar.js
 * (Preact, the components, the styles) is injected by the background only into
 * a tab whose page matched a story. It registers its controller on the global
 * object of the extension's isolated world, which the page cannot see, and the
 * background drives it with the small in-page functions below, sent with
 * scripting.executeScript({ func, args }).
 *
 * The background injects sidebar.js and sends the story at the same moment,
 * without waiting for one before the other, so the two race to the page:
 * whichever comes second shows the story. A story that arrives first waits
 * under PENDING_SHOW_KEY, and the UI takes it up when it registers.
 *
 * An in-page function is sent as its source text and run in the page, so each
 * is self-contained: it reads only its arguments, globalThis and string
 * literals (the keys below, written out), never an import or a module binding.
 * sidebar-contract.test.ts runs each one from its source text alone.
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
   * False once the extension that injected this copy was updated or reloaded: the copy is
   * orphaned (its extension APIs are gone) and a new copy takes its place.
   */
  isLive(): boolean;
  /**
   * Work that does not depend on the story (parsing styles, loading the message catalogue and
   * fonts), done ahead of it. Called only when the UI registers with no story waiting: a story
   * that is already here is shown at once, and showing it does that work anyway.
   */
  prepare?(): void;
}

export const SIDEBAR_UI_KEY = '__crosstalkSidebarUi';
export const PENDING_SHOW_KEY = '__crosstalkPendingShow';

export type ShowArgs = Parameters<SidebarUi['show']>;

function globals(): Record<string, unknown> {
  return globalThis as Record<string, unknown>;
}

export function sidebarUi(): SidebarUi | undefined {
  return globals()[SIDEBAR_UI_KEY] as SidebarUi | undefined;
}

/** Whether a live copy of sidebar.js runs in this page (the reader scripts report it). */
export function sidebarLoaded(): boolean {
  return sidebarUi()?.isLive() === true;
}

/**
 * sidebar.js: register the controller and show the story waiting for it, if one is. A copy
 * orphaned by an update of the extension makes way (its host leaves the page with it); a live
 * copy stays, and the second is not registered (false).
 */
export function registerSidebarUi(ui: SidebarUi): boolean {
  const existing = sidebarUi();
  if (existing?.isLive()) return false;
  existing?.hide();
  globals()[SIDEBAR_UI_KEY] = ui;
  const pending = globals()[PENDING_SHOW_KEY] as ShowArgs | undefined;
  delete globals()[PENDING_SHOW_KEY];
  if (pending) ui.show(...pending);
  else ui.prepare?.();
  return true;
}

// ---- In-page functions: self-contained, see above.

/** Show the story now if the UI is here, or as soon as it registers. */
export function showStoryInPage(
  match: StoryMatchResult,
  settings: PageSettings,
  pageUrl: string,
): void {
  const scope = globalThis as Record<string, unknown>;
  const ui = scope['__crosstalkSidebarUi'] as SidebarUi | undefined;
  if (ui?.isLive()) {
    delete scope['__crosstalkPendingShow'];
    ui.show(match, settings, pageUrl);
  } else {
    scope['__crosstalkPendingShow'] = [match, settings, pageUrl];
  }
}

/** The page no longer has a story (a route without one): remove the sidebar, forget any pending one. */
export function hideStoryInPage(): void {
  const scope = globalThis as Record<string, unknown>;
  delete scope['__crosstalkPendingShow'];
  (scope['__crosstalkSidebarUi'] as SidebarUi | undefined)?.hide();
}

/** The keyboard command: open or close the panel; false when the page has no sidebar. */
export function toggleSidebarInPage(): boolean {
  const ui = (globalThis as Record<string, unknown>)['__crosstalkSidebarUi'] as
    SidebarUi | undefined;
  return ui?.isLive() ? ui.toggle() : false;
}
