/**
 * read-site.js: the first reading of a page a site adapter may read (Hacker
 * News, Reddit, arXiv, Bluesky, Mastodon, X, Lobsters). The background injects
 * it instead of read-quick.js on those addresses, so the adapters are not paid
 * for on any other page. Like the other readers it uses no extension API; its
 * result is the reading.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readSitePageQuickly } from '@/utils/page/read-site';
import { keepReadingStart } from '@/utils/page/reading-handoff';
import type { PageReport } from '@/utils/page/types';
import { sidebarLoaded } from '@/utils/sidebar-contract';

export default defineUnlistedScript((): PageReport => {
  const { reading, quick } = readSitePageQuickly(document, location.href, keepReadingStart);
  return { reading, quick, uiLoaded: sidebarLoaded() };
});
