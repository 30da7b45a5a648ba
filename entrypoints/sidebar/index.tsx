/**
 * sidebar.js: the sidebar's UI, injected by the background (scripting.
 * executeScript) only into tabs whose page matched a story, so pages without a
 * story never pay for Preact, the components or the styles. It registers its
 * controller for the background's in-page calls (utils/sidebar-contract.ts),
 * shows the story waiting for it, and follows the reader's settings: a
 * community switched off disappears from the open panel, and the sidebar
 * leaves a site the reader turned Crosstalk off on.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askBackground, SETTINGS_STORAGE_KEY } from '@/utils/messaging';
import { registerSidebarUi, type SidebarUi } from '@/utils/sidebar-contract';
import { createSidebarUi } from './controller';

function followSettings(ui: SidebarUi): void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_STORAGE_KEY in changes)) return;
    if (!ui.isLive()) {
      browser.storage.onChanged.removeListener(onChanged);
      return;
    }
    askBackground('pageSettings', { url: location.href }).then(
      (next) => ui.update(next),
      (error: unknown) => console.debug('Crosstalk:', error),
    );
  };
  browser.storage.onChanged.addListener(onChanged);
}

export default defineUnlistedScript(() => {
  const ui = createSidebarUi();
  // Injected twice (two readings raced)? The first copy stays.
  if (registerSidebarUi(ui)) followSettings(ui);
});
