// Dexie needs an IndexedDB; the fake browser (WXT) resets between tests.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/**
 * The fake browser does not implement i18n; this follows the browsers' rules
 * for the real messages.json: $NAME$ → the placeholder's content → $1..$9.
 */
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = messages[name];
  if (!entry) return '';
  const subs =
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, key: string) => {
    const content = entry.placeholders?.[key.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
