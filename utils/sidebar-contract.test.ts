/**
 * The story and sidebar.js race to the page: whichever arrives second shows the story, once.
 * The in-page functions are sent to the page as source text (scripting.executeScript's func), so
 * they are tested from their source alone, in a fresh context that has nothing else.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  hideStoryInPage,
  PENDING_SHOW_KEY,
  registerSidebarUi,
  showStoryInPage,
  SIDEBAR_UI_KEY,
  sidebarLoaded,
  sidebarUi,
  toggleSidebarInPage,
  type SidebarUi,
  type StoryMatchResult,
} from './sidebar-contract';
import type { PageSettings } from './messaging';

const settings: PageSettings = {
  allowed: true,
  sidebarMode: 'tab',
  disabledCommunities: [],
  panelDocked: false,
};
const match = { story: { id: 'gpt-5' } } as unknown as StoryMatchResult;

function fakeUi(live = true): SidebarUi & {
  show: ReturnType<typeof vi.fn>;
  hide: ReturnType<typeof vi.fn>;
  toggle: ReturnType<typeof vi.fn>;
  prepare: ReturnType<typeof vi.fn>;
} {
  return {
    show: vi.fn(),
    update: vi.fn(),
    hide: vi.fn(),
    toggle: vi.fn(() => true),
    prepare: vi.fn(),
    isLive: () => live,
  };
}

afterEach(() => {
  const scope = globalThis as Record<string, unknown>;
  delete scope[SIDEBAR_UI_KEY];
  delete scope[PENDING_SHOW_KEY];
});

describe('sidebar contract', () => {
  it('shows a story that arrived before the UI as soon as the UI registers', () => {
    showStoryInPage(match, settings, 'https://a.example/');
    expect(sidebarLoaded()).toBe(false);
    const ui = fakeUi();
    registerSidebarUi(ui);
    expect(sidebarUi()).toBe(ui);
    expect(sidebarLoaded()).toBe(true);
    expect(ui.show).toHaveBeenCalledExactlyOnceWith(match, settings, 'https://a.example/');
    // Showing does the story-independent work itself; preparing first would only delay it.
    expect(ui.prepare).not.toHaveBeenCalled();
  });

  it('shows at once when the UI came first, and leaves nothing pending', () => {
    const ui = fakeUi();
    registerSidebarUi(ui);
    expect(ui.show).not.toHaveBeenCalled();
    expect(ui.prepare).toHaveBeenCalledTimes(1);
    showStoryInPage(match, settings, 'https://a.example/');
    expect(ui.show).toHaveBeenCalledTimes(1);
    const later = fakeUi();
    expect(registerSidebarUi(later)).toBe(false);
    expect(sidebarUi()).toBe(ui);
    expect(later.show).not.toHaveBeenCalled();
  });

  it('a copy orphaned by an update makes way for the new one and is not driven any more', () => {
    const orphan = fakeUi(false);
    (globalThis as Record<string, unknown>)[SIDEBAR_UI_KEY] = orphan;
    expect(sidebarLoaded()).toBe(false);
    showStoryInPage(match, settings, 'https://a.example/');
    expect(orphan.show).not.toHaveBeenCalled();
    expect(toggleSidebarInPage()).toBe(false);
    const ui = fakeUi();
    expect(registerSidebarUi(ui)).toBe(true);
    expect(orphan.hide).toHaveBeenCalledTimes(1);
    expect(ui.show).toHaveBeenCalledExactlyOnceWith(match, settings, 'https://a.example/');
  });

  it('forgets a pending story the page no longer has, and hides a shown one', () => {
    showStoryInPage(match, settings, 'https://a.example/');
    hideStoryInPage();
    const ui = fakeUi();
    registerSidebarUi(ui);
    expect(ui.show).not.toHaveBeenCalled();
    hideStoryInPage();
    expect(ui.hide).toHaveBeenCalledTimes(1);
  });

  it('toggles the panel only where there is a sidebar', () => {
    expect(toggleSidebarInPage()).toBe(false);
    const ui = fakeUi();
    registerSidebarUi(ui);
    expect(toggleSidebarInPage()).toBe(true);
    expect(ui.toggle).toHaveBeenCalledTimes(1);
  });
});

describe('in-page functions, run from their source text alone', () => {
  /** A context with only what a page's isolated world would give these functions. */
  function isolatedWorld() {
    const ui = fakeUi();
    const world: Record<string, unknown> = {};
    world.globalThis = world;
    return { world, ui };
  }
  const run = (fn: (...args: never[]) => unknown, world: object, args: unknown[] = []) =>
    runInNewContext(`(${fn.toString()})(...args)`, Object.assign(world, { args }));

  it('show, with the UI absent then present, uses the same keys as the module', () => {
    const { world, ui } = isolatedWorld();
    run(showStoryInPage, world, [match, settings, 'https://a.example/']);
    expect(world[PENDING_SHOW_KEY]).toEqual([match, settings, 'https://a.example/']);
    world[SIDEBAR_UI_KEY] = ui;
    run(showStoryInPage, world, [match, settings, 'https://b.example/']);
    expect(ui.show).toHaveBeenCalledExactlyOnceWith(match, settings, 'https://b.example/');
    expect(PENDING_SHOW_KEY in world).toBe(false);
  });

  it('hide and toggle', () => {
    const { world, ui } = isolatedWorld();
    expect(run(toggleSidebarInPage, world)).toBe(false);
    world[PENDING_SHOW_KEY] = [match, settings, 'https://a.example/'];
    run(hideStoryInPage, world);
    expect(PENDING_SHOW_KEY in world).toBe(false);
    world[SIDEBAR_UI_KEY] = ui;
    run(hideStoryInPage, world);
    expect(ui.hide).toHaveBeenCalledTimes(1);
    expect(run(toggleSidebarInPage, world)).toBe(true);
  });
});
