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
  /** Puts the host into the page. */
  attach(): void;
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

/**
 * The styles as one constructed sheet, parsed once (about 2 ms) and shared by every mount; null
 * where the browser refuses constructed sheets across worlds (Firefox's Xray wrappers).
 */
let sheet: CSSStyleSheet | null | undefined;

export function prepareStyles(css: string): void {
  if (sheet !== undefined) return;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null;
  }
}

/** The font-family of the theme's root rule (.ct-theme), from the parsed sheet. */
export function themeFontFamily(): string | null {
  if (!sheet) return null;
  for (const rule of Array.from(sheet.cssRules)) {
    if (rule instanceof CSSStyleRule && rule.selectorText === '.ct-theme' && rule.style.fontFamily)
      return rule.style.fontFamily;
  }
  return null;
}

function applyStyles(root: ShadowRoot, css: string): void {
  // A constructed sheet is not subject to the page's style-src CSP; where the
  // browser refuses it, a <style> element inside our own shadow root is the
  // fallback.
  prepareStyles(css);
  try {
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Adopting failed where constructing worked: fall through to <style>.
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}

// Inline styles on the host are the only way to beat page rules that target it.
const HOST_STYLE =
  'all: initial !important; display: block !important; position: static !important; ' +
  'width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; ' +
  'border: 0 !important; visibility: visible !important; opacity: 1 !important; ' +
  'contain: style !important; pointer-events: auto !important;';

/**
 * Builds the host, its shadow root and styles, not yet in the page: the caller renders into
 * `container` first and then calls attach(), so the page sees one insertion of a finished panel
 * instead of one per element (and its own MutationObservers hear of one node).
 */
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
  return {
    host,
    root,
    container,
    attach: () => {
      (document.documentElement ?? document.body).appendChild(host);
    },
    remove: () => host.remove(),
  };
}
