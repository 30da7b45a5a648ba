/**
 * read-quick.js: the page's first reading. The background injects it
 * (scripting.executeScript) into an allowed page once the page has loaded, and
 * again when a single-page site changes route; the script's result is the
 * reading. It uses no extension API at all (so no messaging library is
 * evaluated on the page) and holds only what the quick reading of a page no
 * site adapter reads needs: the metadata and the quick lead
 * (utils/page/read-quick.ts), read raw for the background to finish
 * (utils/page/finish.ts). Pages a site adapter may read get read-site.js.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { RAW } from '@/utils/page/finish';
import { readPageQuickly } from '@/utils/page/read-quick';
import { keepReadingStart } from '@/utils/page/reading-handoff';
import type { PageReport } from '@/utils/page/types';
import { sidebarLoaded } from '@/utils/sidebar-contract';

export default defineUnlistedScript((): PageReport => {
  const { reading, quick } = readPageQuickly(document, location.href, [], RAW, keepReadingStart);
  return { reading, quick, uiLoaded: sidebarLoaded() };
});
