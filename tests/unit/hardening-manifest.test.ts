/**
 * Permissions and code loading (issue 10): the fewest permissions that work, no site access by
 * default beyond the curated list, no externally_connectable, no web_accessible_resources, a
 * strict CSP for extension pages and no remote code. The rules are tested on hand-made bad
 * manifests (so they can fail) and on the real builds after `npm run build` (the e2e suite,
 * which always has a build, runs the same rules).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_PATTERNS } from '../../utils/sites';
import {
  isBroadHostPattern,
  manifestProblems,
  readBuiltManifest,
  remoteCodeProblems,
} from './manifest-rules';

const root = join(import.meta.dirname, '../..');
const BUILDS = [
  { name: 'chrome-mv3', dir: join(root, '.output/chrome-mv3') },
  { name: 'firefox-mv2', dir: join(root, '.output/firefox-mv2') },
];

const good = {
  manifest_version: 3,
  permissions: ['storage', 'scripting'],
  host_permissions: ['https://www.theverge.com/*'],
  optional_host_permissions: ['https://*/*', 'http://*/*'],
  background: { service_worker: 'background.js' },
  content_scripts: [
    { matches: ['https://www.theverge.com/*'], js: ['content-scripts/content.js'] },
  ],
};

describe('manifest rules', () => {
  it('accept a minimal manifest with broad hosts only as optional', () => {
    expect(manifestProblems(good)).toEqual([]);
  });

  it.each([
    ['<all_urls>', true],
    ['*://*/*', true],
    ['https://*/*', true],
    ['http://*/', true],
    ['https://*.com/*', true],
    ['https://www.theverge.com/*', false],
    ['https://*.theverge.com/*', false],
  ])('%s is broad: %s', (pattern, broad) => {
    expect(isBroadHostPattern(pattern)).toBe(broad);
  });

  it.each([
    [{ host_permissions: ['<all_urls>'] }, /covers every site/],
    [{ host_permissions: ['*://*/*'] }, /covers every site/],
    [{ manifest_version: 2, permissions: ['storage', 'https://*/*'] }, /covers every site/],
    [{ permissions: ['storage', 'tabs'] }, /permission tabs/],
    [{ externally_connectable: { matches: ['https://example.com/*'] } }, /externally_connectable/],
    [
      { web_accessible_resources: [{ resources: ['*.js'], matches: ['<all_urls>'] }] },
      /web_accessible_resources/,
    ],
    [
      { content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } },
      /unsafe-eval/,
    ],
    [
      { content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } },
      /cdn\.example/,
    ],
    [{ manifest_version: 2, content_security_policy: "script-src * 'unsafe-inline'" }, /allows \*/],
    [{ background: { service_worker: 'https://evil.example/sw.js' } }, /not in the package/],
    [{ content_scripts: [{ matches: ['<all_urls>'], js: ['c.js'] }] }, /content script runs on/],
  ])('refuse %j', (change, problem) => {
    const problems = manifestProblems({ ...good, ...change });
    expect(problems.join('; ')).toMatch(problem);
  });

  it('accept explicit strict CSPs', () => {
    expect(
      manifestProblems({
        ...good,
        content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
      }),
    ).toEqual([]);
    expect(
      manifestProblems({
        ...good,
        manifest_version: 2,
        host_permissions: undefined,
        permissions: ['storage', 'https://www.theverge.com/*'],
        content_security_policy: "script-src 'self'; object-src 'self'",
      }),
    ).toEqual([]);
  });
});

describe.each(BUILDS)('the built $name extension', ({ dir }) => {
  const manifest = readBuiltManifest(dir);
  // npm test builds before the unit tests, so these run there; a bare `vitest run` on a fresh
  // clone has no build to read (the e2e suite checks the same rules on the build it tests).
  it.skipIf(!manifest)('keeps every permission and code-loading rule', () => {
    expect(manifestProblems(manifest!)).toEqual([]);
    expect(remoteCodeProblems(dir)).toEqual([]);
  });

  it.skipIf(!manifest)('declares no content script: the background reads pages itself', () => {
    // Nothing of Crosstalk runs in a page until the background injects a reader after its load.
    expect(manifest!.content_scripts).toBeUndefined();
  });

  it.skipIf(!manifest)('asks for host access only to the default sites', () => {
    const m = manifest!;
    const hostPatterns = [
      ...((m.host_permissions as string[] | undefined) ?? []),
      ...((m.permissions as string[]).filter((p) => p.includes('://')) ?? []),
    ];
    expect(new Set(hostPatterns)).toEqual(new Set(DEFAULT_SITE_PATTERNS));
  });
});
