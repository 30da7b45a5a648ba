/**
 * Every text the UI shows goes through browser.i18n (public/_locales). Where
 * the API is missing (unit tests without a browser) the key itself is shown,
 * so a missing message is visible rather than silently blank.
 */
import { browser } from 'wxt/browser';

export type Substitutions = string | number | (string | number)[];

export function t(key: string, substitutions?: Substitutions): string {
  const subs =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  let message = '';
  try {
    // WXT types getMessage with the known keys; ours are checked against
    // messages.json by tests/unit/i18n.test.ts instead, dynamic keys included.
    const getMessage = browser.i18n.getMessage as (name: string, subs?: string[]) => string;
    message = getMessage(key, subs);
  } catch {
    message = '';
  }
  return message || key;
}
