/**
 * read-full.js: the full reading of a page no site adapter reads (the
 * boilerplate-aware extraction of utils/page/extract.ts), injected by the
 * background only where the quick reading showed some sign of AI, and for the
 * popup's "this tab" question. Like the other readers it uses no extension
 * API; its result is the reading.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readGenericFully } from '@/utils/page/read-full';
import type { PageReport } from '@/utils/page/types';
import { sidebarLoaded } from '@/utils/sidebar-contract';

export default defineUnlistedScript((): PageReport => ({
  reading: readGenericFully(document, location.href),
  quick: false,
  uiLoaded: sidebarLoaded(),
}));
