/**
 * The sidebar's host: one element at the end of <html>, with its own shadow
 * root so no page CSS gets in and none of ours gets out. A hostile page can
 * define a custom element with our tag name or block attachShadow on it; then
 * we fall back to a randomly named host, and if even that fails we do not
 * mount at all rather than render into the page's light DOM.
 */
export const HOST_TAG = 'crosstalk-sidebar';

export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
  remove(): void;
}

/**
 * Whether the page has defined a custom element by this name. Chromium gives an isolated world no
 * customElements at all (it is null there), so the page's registry cannot be asked directly; but
 * an element with a valid custom-element name matches :defined only once the page defined it.
 */
function pageDefined(tag: string, host: HTMLElement): boolean {
  const registry = (globalThis as { customElements?: CustomElementRegistry | null }).customElements;
  if (registry?.get(tag)) return true;
  return host.matches(':defined');
}

function tryHost(tag: string): { host: HTMLElement; root: ShadowRoot } | null {
  try {
    const host = document.createElement(tag);
    if (pageDefined(tag, host)) return null;
    const root = host.attachShadow({ mode: 'open' });
    return { host, root };
  } catch {
    return null;
  }
}

function applyStyles(root: ShadowRoot, css: string): void {
  // A constructed sheet is not subject to the page's style-src CSP; where the
  // browser refuses it across worlds (Firefox's Xray wrappers), a <style>
  // element inside our own shadow root is the fallback.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}

// Inline styles on the host are the only way to beat page rules that target it.
const HOST_STYLE =
  'all: initial !important; display: block !important; position: static !important; ' +
  'width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; ' +
  'border: 0 !important; visibility: visible !important; opacity: 1 !important; ' +
  'contain: style !important; pointer-events: auto !important;';

export function mountHost(css: string): Mounted | null {
  const made =
    tryHost(HOST_TAG) ?? tryHost(`${HOST_TAG}-${Math.random().toString(36).slice(2, 10)}`);
  if (!made) return null;
  const { host, root } = made;
  host.setAttribute('style', HOST_STYLE);
  applyStyles(root, css);
  const container = document.createElement('div');
  container.className = 'ct-root ct-theme';
  root.appendChild(container);
  (document.documentElement ?? document.body).appendChild(host);
  return {
    host,
    root,
    container,
    remove: () => host.remove(),
  };
}
