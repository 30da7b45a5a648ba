import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';

// The content script runs only on a curated list of news sites and forums (see
// utils/sites.ts for the list and the reasons); everything else is opt-in.
import { DEFAULT_SITE_PATTERNS } from './utils/sites';

// A fingerprint of the bundled index, known at build time: a restarted worker
// whose stored index carries it skips re-reading the 4 MB bundle.
const BUNDLED_INDEX = 'public/story-index.json';
const bundleTag = existsSync(BUNDLED_INDEX)
  ? createHash('sha256').update(readFileSync(BUNDLED_INDEX)).digest('hex').slice(0, 16)
  : 'none';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: a reader sees where every name comes from.
  imports: false,
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'activeTab', 'scripting'],
    host_permissions: [...DEFAULT_SITE_PATTERNS],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crosstalk@crosstalk.invalid',
              strict_min_version: '142.0',
              // Crosstalk collects nothing: pages are read and matched on the device.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    define: { __CROSSTALK_BUNDLE_TAG__: JSON.stringify(bundleTag) },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022' },
  }),
});
