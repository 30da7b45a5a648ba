/**
 * read-full.js: the page's full reading (the boilerplate-aware extraction of
 * utils/page/extract.ts), injected by the background only where the quick
 * reading showed some sign of AI, and by the popup's "this tab" question.
 * Like read-quick.js it uses no extension API; its result is the reading.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage } from '@/utils/page/read';
import type { PageReport } from '@/utils/page/types';
import { sidebarLoaded } from '@/utils/sidebar-contract';

export default defineUnlistedScript((): PageReport => ({
  reading: readPage(document, location.href),
  quick: false,
  uiLoaded: sidebarLoaded(),
}));
