/**
 * sidebar.js: the sidebar's UI, injected by the background (scripting.
 * executeScript) only into tabs whose page matched a story, so pages without a
 * story never pay for Preact, the components or the styles. It registers its
 * controller for content.js (utils/sidebar-contract.ts), shows the story
 * waiting for it, and does nothing else.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerSidebarUi, sidebarUi } from '@/utils/sidebar-contract';
import { createSidebarUi } from './controller';

export default defineUnlistedScript(() => {
  // Injected twice (a second match after a route change)? Keep the first.
  if (sidebarUi()) return;
  registerSidebarUi(createSidebarUi());
});
