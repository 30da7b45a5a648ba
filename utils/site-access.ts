/**
 * Sites beyond the default list are the reader's choice: the popup asks for an
 * optional host permission for the site, and from then on the background reads
 * its pages as it reads the default sites' (tab-watch.ts); removing the
 * permission stops it. The granted permission is the only record of the
 * choice, so nothing depends on the worker's memory.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SITE_PATTERNS } from './sites';

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
