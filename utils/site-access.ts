/**
 * Sites beyond the default list are the reader's choice: the popup asks for an
 * optional host permission, and the background registers the content script
 * for every origin the reader granted (and unregisters it when revoked).
 * Registration is redone at each start, so it never depends on worker memory.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SITE_PATTERNS } from './sites';

export const USER_SITES_SCRIPT_ID = 'crosstalk-user-sites';

/** The match pattern that grants one site (both schemes are not needed: https only). */
export function patternForHost(host: string): string {
  return `https://${host}/*`;
}

/** Granted origins that the manifest does not already cover. */
export async function grantedUserPatterns(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const defaults = new Set(DEFAULT_SITE_PATTERNS);
  return (all.origins ?? []).filter((o) => !defaults.has(o) && /^https?:\/\/[^*]+\/\*$/.test(o));
}

export async function registerUserSites(contentScriptFile: string): Promise<string[]> {
  const patterns = await grantedUserPatterns();
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [USER_SITES_SCRIPT_ID],
  });
  if (existing.length)
    await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (patterns.length) {
    await browser.scripting.registerContentScripts([
      {
        id: USER_SITES_SCRIPT_ID,
        matches: patterns,
        js: [contentScriptFile],
        runAt: 'document_idle',
      },
    ]);
  }
  return patterns;
}
