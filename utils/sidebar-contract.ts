/**
 * The seam between the two halves of the content script. content.js (small:
 * reads the page, asks for a match) runs on every allowed page; sidebar.js
 * (Preact, the components, the styles) is injected by the background only into
 * a tab whose page matched a story. Both run in the extension's isolated world
 * of the same frame, so sidebar.js hands content.js its controller through
 * that world's global object, which the page cannot see.
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
}

export const SIDEBAR_UI_KEY = '__crosstalkSidebarUi';

export function sidebarUi(): SidebarUi | undefined {
  return (globalThis as Record<string, unknown>)[SIDEBAR_UI_KEY] as SidebarUi | undefined;
}
