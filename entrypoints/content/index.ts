/**
 * The content script: reads the page, asks the background for a story, and
 * shows the sidebar only when there is one. On any other page it adds nothing
 * to the DOM. Torn down through the context's AbortSignal when the extension
 * is updated or reloaded ("Extension context invalidated" is handled quietly).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_SITE_PATTERNS } from '@/utils/sites';
import { startCrosstalk } from './app';

export default defineContentScript({
  matches: [...DEFAULT_SITE_PATTERNS],
  runAt: 'document_idle',
  // WXT's postMessage announcement would tell every page on a default site
  // that Crosstalk is installed, and its id (tests/e2e/hostile.e2e.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startCrosstalk(ctx);
  },
});
