/**
 * Single-page sites (Reddit, X, Bluesky) change the page without reloading.
 * watchLocation calls onChange (debounced) when location.href changes, until
 * the signal aborts.
 *
 * A content script lives in an isolated world: wrapping history.pushState
 * there does not see the page's own calls. So it listens to everything it
 * can: popstate and hashchange, the Navigation API where the browser has it,
 * pushState/replaceState made from this world, and, as the one thing that
 * always works, a slow check of location.href.
 */

export interface WatchOptions {
  /** Quiet time before onChange fires, so a burst of navigations fires once. */
  debounceMs?: number;
  /** How often location.href is checked when nothing announces a change. */
  pollMs?: number;
  /** For tests: the window to watch. */
  win?: Window;
}

interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

const DEFAULT_DEBOUNCE_MS = 250;
/**
 * Not slower where the Navigation API exists: with a 5 s poll there, the
 * final route of a pushState burst (tests/e2e/hostile.e2e.ts) was not read in
 * time in Chromium or Firefox, so its events are not relied on alone.
 */
const DEFAULT_POLL_MS = 1000;

export function watchLocation(
  onChange: (href: string) => void,
  signal: AbortSignal,
  options: WatchOptions = {},
): void {
  if (signal.aborted) return;
  const win = options.win ?? window;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let last = win.location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fire = () => {
    timer = undefined;
    if (signal.aborted) return;
    const href = win.location.href;
    if (href === last) return;
    last = href;
    try {
      onChange(href);
    } catch {
      // The caller's failure is the caller's; keep watching.
    }
  };
  const check = () => {
    if (signal.aborted || win.location.href === last) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };

  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);

  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('navigatesuccess', check);
  navigation?.addEventListener('currententrychange', check);

  // Calls to pushState/replaceState from this world (and in tests).
  const history = win.history;
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  const wrappedPush: History['pushState'] = function (this: History, ...args) {
    const result = originalPush.apply(this, args);
    check();
    return result;
  };
  const wrappedReplace: History['replaceState'] = function (this: History, ...args) {
    const result = originalReplace.apply(this, args);
    check();
    return result;
  };
  history.pushState = wrappedPush;
  history.replaceState = wrappedReplace;

  const poll = setInterval(check, options.pollMs ?? DEFAULT_POLL_MS);

  signal.addEventListener(
    'abort',
    () => {
      win.removeEventListener('popstate', check);
      win.removeEventListener('hashchange', check);
      navigation?.removeEventListener('navigatesuccess', check);
      navigation?.removeEventListener('currententrychange', check);
      // Only restore what is still ours: someone may have wrapped it since.
      if (history.pushState === wrappedPush) history.pushState = originalPush;
      if (history.replaceState === wrappedReplace) history.replaceState = originalReplace;
      clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
}
