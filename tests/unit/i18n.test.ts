/**
 * Every text the UI shows goes through browser.i18n: each t('key') in the
 * source must exist in _locales/en, with as many placeholders as it is given.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/utils/index/schema';

const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, unknown> }
>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('i18n', () => {
  const files = ['components', 'entrypoints'].flatMap(sources);
  const used = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g))
      used.add(m[1]!);
  }

  it('finds the UI texts', () => {
    expect(used.size).toBeGreaterThan(40);
  });

  it('has a message for every key the UI uses', () => {
    expect([...used].filter((k) => !(k in messages))).toEqual([]);
  });

  it('has the keys built at run time (platforms, site states)', () => {
    const dynamic = [
      ...PLATFORMS.map((p) => `platform_${p}`),
      ...['default_on', 'default_off', 'added', 'not_added'].map((s) => `siteState_${s}`),
    ];
    expect(dynamic.filter((k) => !(k in messages))).toEqual([]);
  });

  it('declares each placeholder it uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      for (const m of entry.message.matchAll(/\$([A-Z_]+)\$/g)) {
        expect(entry.placeholders, key).toHaveProperty(m[1]!.toLowerCase());
      }
    }
  });
});
