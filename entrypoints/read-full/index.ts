/**
 * read-full.js: the full reading of a page no site adapter reads (the
 * boilerplate-aware extraction of utils/page/extract.ts), injected by the
 * background only right after a first reading of the same page that could not
 * settle it; it completes the metadata that reading handed on
 * (utils/page/reading-handoff.ts). Like the other readers it uses no
 * extension API; its result is the reading, or nothing when the page has moved
 * on since the first reading (that page's own reading decides).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readGenericFully } from '@/utils/page/read-full';
import { takeReadingStart } from '@/utils/page/reading-handoff';
import type { PageReport } from '@/utils/page/types';
import { sidebarLoaded } from '@/utils/sidebar-contract';

export default defineUnlistedScript((): PageReport | undefined => {
  const reading = readGenericFully(document, location.href, takeReadingStart());
  return reading ? { reading, quick: false, uiLoaded: sidebarLoaded() } : undefined;
});
