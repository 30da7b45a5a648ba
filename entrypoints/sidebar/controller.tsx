/**
 * The sidebar's state and its host in the page. The state is plain values and every change
 * re-renders the tree from the top (Preact's render() is synchronous and diffs), so a settings
 * change (a community switched off in the options page) shows in the open panel at once, with no
 * reload. No signals or hooks library: their per-element render hooks and their evaluation were
 * a measurable part of the first paint, and a tree this small gains nothing from them. Controls
 * that change settings go through the background, which owns them.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Sidebar } from '@/components/Sidebar';
import storyCss from '@/components/story.css?inline';
import themeCss from '@/components/theme.css?inline';
import { t } from '@/utils/i18n';
import { askBackground, type PageSettings, type StoryBundle } from '@/utils/messaging';
import type { SidebarUi, StoryMatchResult } from '@/utils/sidebar-contract';
import sidebarCss from './sidebar.css?inline';
import { warmFonts } from './fonts';
import { mountHost, prepareStyles, themeFontFamily, type Mounted } from './mount';

const PANEL_WIDTH_PX = 400;
const CSS = `${themeCss}\n${storyCss}\n${sidebarCss}`;

interface State {
  settings: PageSettings | null;
  match: StoryMatchResult | null;
  /** A related story the reader opened from the panel, shown instead of the match. */
  viewing: StoryBundle | null;
  open: boolean;
  announcement: string;
}

export function createSidebarUi(): SidebarUi {
  const state: State = {
    settings: null,
    match: null,
    viewing: null,
    open: false,
    announcement: '',
  };
  let disabled: ReadonlySet<string> = new Set();
  let pageUrl = location.href;
  let mounted: Mounted | null = null;
  /** Whether the last render showed the open panel: focus moves when that changes. */
  let renderedOpen = false;
  let restoreMargin: string | null = null;

  function applyDock(): void {
    // Docking is the one case where we touch the page: the reader asked for it.
    const docked = state.open && Boolean(state.settings?.panelDocked) && mounted !== null;
    const rootStyle = document.documentElement.style;
    if (docked && restoreMargin === null) {
      restoreMargin = rootStyle.marginRight;
      rootStyle.marginRight = `${PANEL_WIDTH_PX}px`;
    } else if (!docked && restoreMargin !== null) {
      rootStyle.marginRight = restoreMargin;
      restoreMargin = null;
    }
  }

  /**
   * Moves focus into the panel when it opens (a panel that opens by itself at its first render
   * included) and back to the tab when it closes. Called once the host is in the page. No scroll:
   * the panel is fixed, and scrolling into view would force a layout before the first paint.
   */
  function moveFocus(): void {
    if (!mounted || state.open === renderedOpen) return;
    renderedOpen = state.open;
    const target = mounted.root.querySelector<HTMLElement>(
      state.open ? '#ct-panel-heading' : '[data-testid="ct-tab"]',
    );
    target?.focus({ preventScroll: true });
  }

  function rerender(): void {
    if (!mounted) return;
    render(<App />, mounted.container);
    moveFocus();
  }

  function setOpen(value: boolean): void {
    state.open = value;
    rerender();
    applyDock();
  }

  function hide(): void {
    state.open = false;
    state.match = null;
    state.viewing = null;
    applyDock();
    if (mounted) {
      render(null, mounted.container);
      mounted.remove();
      mounted = null;
    }
    renderedOpen = false;
  }

  function setSettings(next: PageSettings): void {
    state.settings = next;
    disabled = new Set(next.disabledCommunities);
  }

  function update(next: PageSettings): void {
    setSettings(next);
    if (!next.allowed) hide();
    else rerender();
    applyDock();
  }

  function control(request: Promise<PageSettings>): void {
    request.then(update, (error: unknown) => console.debug('Crosstalk:', error));
  }

  function App() {
    const current = state.match;
    const s = state.settings;
    if (!current || !s) return null;
    const bundle = state.viewing ?? current;
    return (
      <>
        <div role="status" aria-live="polite" class="ct-visually-hidden">
          {state.announcement}
        </div>
        <Sidebar
          bundle={bundle}
          confidence={current.confidence}
          matchedTitle={state.viewing ? current.story.title : null}
          open={state.open}
          docked={s.panelDocked}
          disabled={disabled}
          onOpen={() => setOpen(true)}
          onClose={() => setOpen(false)}
          onToggleDock={() =>
            control(askBackground('setPanelDocked', { url: pageUrl, docked: !s.panelDocked }))
          }
          onReject={() => {
            const storyId = current.story.id;
            hide();
            control(askBackground('rejectStory', { url: pageUrl, storyId }));
          }}
          onHideSite={() => {
            hide();
            control(askBackground('hideOnSite', { url: pageUrl }));
          }}
          onOpenRelated={(id) => {
            askBackground('getStory', { id }).then(
              (b) => {
                if (!b) return;
                state.viewing = b;
                rerender();
              },
              (error: unknown) => console.debug('Crosstalk:', error),
            );
          }}
          onBack={() => {
            state.viewing = null;
            rerender();
          }}
        />
      </>
    );
  }

  function show(next: StoryMatchResult, nextSettings: PageSettings, url: string): void {
    pageUrl = url;
    const changed = state.match?.story.id !== next.story.id;
    // All of the new state first, so the first render is the final one (not the tab, then the
    // panel a render later) and an open panel re-renders once.
    setSettings(nextSettings);
    state.match = next;
    if (changed) state.viewing = null;
    // A panel that opens by itself does so for a new story, not again for one the reader closed
    // (the background reads a page again when it reloads a frame or changes route).
    if (nextSettings.sidebarMode === 'open' && (changed || !mounted)) state.open = true;
    if (mounted) rerender();
    else {
      const made = mountHost(CSS);
      if (!made) return;
      render(<App />, made.container);
      made.attach();
      mounted = made;
      moveFocus();
    }
    applyDock();
    if (changed) {
      const talking = next.story.reactions.filter((r) => !disabled.has(r.community)).length;
      // Set after mounting so assistive technology hears the change.
      setTimeout(() => {
        state.announcement = t('storyFoundAnnouncement', [next.story.title, talking]);
        rerender();
      }, 100);
    }
  }

  return {
    show,
    update,
    hide,
    // After an update or reload of the extension this copy is orphaned: its browser APIs are gone.
    isLive: () => {
      try {
        return browser.runtime?.id !== undefined;
      } catch {
        return false;
      }
    },
    // sidebar.js is injected alongside the background's answer and often runs before it arrives:
    // the costs that do not depend on the story are paid then rather than between answer and
    // paint (the stylesheet's parse, the first browser.i18n call, which loads the message
    // catalogue, and loading the fonts the panel uses).
    prepare: () => {
      prepareStyles(CSS);
      t('panelHeading');
      const family = themeFontFamily();
      if (family) warmFonts(family);
    },
    toggle: () => {
      if (mounted) setOpen(!state.open);
      return state.open;
    },
  };
}
