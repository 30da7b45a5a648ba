/**
 * The content script's controller: page reading → background match → sidebar.
 * State lives in signals so a settings change (a community turned off in the
 * options page) re-renders the open sidebar at once, with no reload.
 */
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Sidebar } from '@/components/Sidebar';
import storyCss from '@/components/story.css?inline';
import themeCss from '@/components/theme.css?inline';
import { t } from '@/utils/i18n';
import { canonicalUrl } from '@/utils/match/canonical-url';
import {
  askBackground,
  type ContentMessage,
  type MatchAnswer,
  type Reply,
  type StoryBundle,
} from '@/utils/messaging';
import { readPage } from '@/utils/page/read';
import { watchLocation } from '@/utils/page/spa';
import type { PageReading } from '@/utils/page/types';
import {
  loadSettings,
  MAX_REJECTED_PAGES,
  updateSettings,
  watchSettings,
  type Settings,
} from '@/utils/settings';
import { siteOf } from '@/utils/sites';
import sidebarCss from './sidebar.css?inline';
import { mountHost, type Mounted } from './mount';

const PANEL_WIDTH_PX = 400;

function isContextGone(error: unknown): boolean {
  return error instanceof Error && /context invalidated|Receiving end does not exist/i.test(error.message);
}

export function startCrosstalk(ctx: ContentScriptContext): void {
  const settings = signal<Settings | null>(null);
  const match = signal<MatchAnswer['match']>(null);
  /** A related story the reader opened from the panel, shown instead of the match. */
  const viewing = signal<StoryBundle | null>(null);
  const open = signal(false);
  const announcement = signal('');
  const disabled = computed(() => new Set(settings.value?.disabledCommunities ?? []));
  let mounted: Mounted | null = null;
  let reading: PageReading | null = null;
  let checkId = 0;
  let restoreMargin: string | null = null;

  const host = siteOf(location.href);

  const siteAllowed = (s: Settings) =>
    host !== null &&
    s.sidebarMode !== 'off' &&
    !s.hiddenOnSites.includes(host) &&
    !s.disabledSites.includes(host);

  function applyDock(): void {
    // Docking is the one case where we touch the page: the reader asked for it.
    const docked = open.value && Boolean(settings.value?.panelDocked) && mounted !== null;
    const rootStyle = document.documentElement.style;
    if (docked && restoreMargin === null) {
      restoreMargin = rootStyle.marginRight;
      rootStyle.marginRight = `${PANEL_WIDTH_PX}px`;
    } else if (!docked && restoreMargin !== null) {
      rootStyle.marginRight = restoreMargin;
      restoreMargin = null;
    }
  }

  function unmount(): void {
    open.value = false;
    applyDock();
    if (mounted) {
      render(null, mounted.container);
      mounted.remove();
      mounted = null;
    }
  }

  function App() {
    const current = match.value;
    const s = settings.value;
    if (!current || !s) return null;
    const bundle = viewing.value ?? current;
    return (
      <>
        <div role="status" aria-live="polite" class="ct-visually-hidden">
          {announcement.value}
        </div>
        <Sidebar
          bundle={bundle}
          confidence={current.confidence}
          matchedTitle={viewing.value ? current.story.title : null}
          open={open.value}
          docked={s.panelDocked}
          disabled={disabled.value}
          onOpen={() => {
            open.value = true;
            applyDock();
          }}
          onClose={() => {
            open.value = false;
            applyDock();
          }}
          onToggleDock={() => void updateSettings((x) => ({ ...x, panelDocked: !x.panelDocked }))}
          onReject={() => void rejectStory(current.story.id)}
          onHideSite={() => void hideSite()}
          onOpenRelated={(id) => void openRelated(id)}
          onBack={() => {
            viewing.value = null;
          }}
        />
      </>
    );
  }

  function mount(): void {
    if (mounted) return;
    mounted = mountHost(`${themeCss}\n${storyCss}\n${sidebarCss}`);
    if (mounted) render(<App />, mounted.container);
  }

  async function rejectStory(storyId: string): Promise<void> {
    const key = canonicalUrl(reading?.canonicalUrl ?? location.href);
    if (!key) return;
    await updateSettings((s) => {
      const rejected = { ...s.rejectedStories, [key]: [...(s.rejectedStories[key] ?? []), storyId] };
      const keys = Object.keys(rejected);
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REJECTED_PAGES))) delete rejected[old];
      return { ...s, rejectedStories: rejected };
    });
    unmount();
    match.value = null;
  }

  async function hideSite(): Promise<void> {
    if (!host) return;
    await updateSettings((s) => ({ ...s, hiddenOnSites: [...new Set([...s.hiddenOnSites, host])] }));
    unmount();
  }

  async function openRelated(id: string): Promise<void> {
    const bundle = await askBackground('getStory', { id });
    if (bundle) viewing.value = bundle;
  }

  async function check(): Promise<void> {
    const s = settings.value;
    if (!s || ctx.isInvalid) return;
    if (!siteAllowed(s)) {
      unmount();
      return;
    }
    const id = ++checkId;
    const page = readPage(document, location.href);
    reading = page;
    const answer = await askBackground('matchPage', { page });
    // A newer reading (the page changed route meanwhile) wins.
    if (id !== checkId || ctx.isInvalid) return;
    viewing.value = null;
    match.value = answer.match;
    if (!answer.match) {
      unmount();
      return;
    }
    const talking = answer.match.story.reactions.filter((r) => !disabled.value.has(r.community)).length;
    mount();
    if (s.sidebarMode === 'open') {
      open.value = true;
      applyDock();
    }
    // Set after mounting so assistive technology hears the change.
    setTimeout(() => {
      announcement.value = t('storyFoundAnnouncement', [answer.match!.story.title, talking]);
    }, 100);
  }

  function run(): void {
    check().catch((error: unknown) => {
      if (isContextGone(error) || ctx.isInvalid) unmount();
      else console.debug('Crosstalk:', error);
    });
  }

  const onMessage = (message: unknown): Promise<Reply<unknown>> | undefined => {
    if (typeof message !== 'object' || message === null || (message as ContentMessage).to !== 'content') {
      return undefined;
    }
    const { type } = message as ContentMessage;
    if (type === 'toggleSidebar') {
      if (!mounted) return Promise.resolve({ ok: true, value: false });
      open.value = !open.value;
      applyDock();
      return Promise.resolve({ ok: true, value: open.value });
    }
    if (type === 'getReading') {
      return Promise.resolve({ ok: true, value: reading ?? readPage(document, location.href) });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  const unwatchSettings = watchSettings((next) => {
    const before = settings.value;
    settings.value = next;
    applyDock();
    const allowedChanged = before && siteAllowed(before) !== siteAllowed(next);
    const thresholdChanged = before && before.minConfidence !== next.minConfidence;
    if (allowedChanged || thresholdChanged) run();
  });

  watchLocation(() => run(), ctx.signal);

  ctx.onInvalidated(() => {
    unwatchSettings();
    browser.runtime.onMessage.removeListener(onMessage);
    unmount();
  });

  void loadSettings().then((s) => {
    settings.value = s;
    run();
  });
}
