/**
 * The answer and sidebar.js race to the page: whichever arrives second shows the story, once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearPendingShow,
  registerSidebarUi,
  showWhenReady,
  SIDEBAR_UI_KEY,
  sidebarUi,
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

function fakeUi(): SidebarUi & {
  show: ReturnType<typeof vi.fn>;
  prepare: ReturnType<typeof vi.fn>;
} {
  return {
    show: vi.fn(),
    update: vi.fn(),
    hide: vi.fn(),
    toggle: vi.fn(() => true),
    prepare: vi.fn(),
  };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[SIDEBAR_UI_KEY];
  clearPendingShow();
});

describe('sidebar contract', () => {
  it('shows a story that arrived before the UI as soon as the UI registers', () => {
    showWhenReady(match, settings, 'https://a.example/');
    const ui = fakeUi();
    registerSidebarUi(ui);
    expect(sidebarUi()).toBe(ui);
    expect(ui.show).toHaveBeenCalledExactlyOnceWith(match, settings, 'https://a.example/');
    // Showing does the story-independent work itself; preparing first would only delay it.
    expect(ui.prepare).not.toHaveBeenCalled();
  });

  it('shows at once when the UI came first, and leaves nothing pending', () => {
    const ui = fakeUi();
    registerSidebarUi(ui);
    expect(ui.show).not.toHaveBeenCalled();
    expect(ui.prepare).toHaveBeenCalledTimes(1);
    showWhenReady(match, settings, 'https://a.example/');
    expect(ui.show).toHaveBeenCalledTimes(1);
    const later = fakeUi();
    registerSidebarUi(later);
    expect(later.show).not.toHaveBeenCalled();
  });

  it('forgets a pending story the page no longer has', () => {
    showWhenReady(match, settings, 'https://a.example/');
    clearPendingShow();
    const ui = fakeUi();
    registerSidebarUi(ui);
    expect(ui.show).not.toHaveBeenCalled();
  });
});
