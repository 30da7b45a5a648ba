import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type CrosstalkDatabase } from '../../utils/index/db';
import type { StoryIndex } from '../../utils/index/schema';
import { getAllStories, getIndexMeta, importStoryIndex } from '../../utils/index/store';
import { ensureBundledIndex, getSyncStatus, syncIndex } from '../../utils/index/sync';
import { clone, makeDelta, makeIndex, makeStory } from './index-fixtures';
import { closedPort, json, startServer, type TestServer } from './index-http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const opened: CrosstalkDatabase[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const GOOD = makeIndex(3, 'good', '2025-08-09T00:00:00Z');
const GOOD_URL = () => server.route('/good.json', json(GOOD, { ETag: '"good-1"' }));

/** A database holding GOOD, synced from the test server. */
async function dbWithGoodIndex(): Promise<CrosstalkDatabase> {
  const db = openDatabase(`sync-test-${Date.now()}-${counter++}`);
  opened.push(db);
  const result = await syncIndex(db, { url: GOOD_URL(), bundled: false });
  expect(result).toEqual({ status: 'updated', stories: 3, error: null });
  return db;
}

async function expectGoodIndexKept(db: CrosstalkDatabase): Promise<void> {
  const meta = await getIndexMeta(db);
  expect(meta!.generatedAt).toBe(GOOD.generatedAt);
  expect(meta!.sourceUrl).toBe(`${server.origin}/good.json`);
  expect((await getAllStories(db)).map((s) => s.id).sort()).toEqual(['good-0', 'good-1', 'good-2']);
}

/** Syncs from `url`, expects a failure naming the URL and `message`, and the old index kept. */
async function expectRefused(
  url: string,
  message: string | RegExp,
  options: { timeoutMs?: number; maxBytes?: number } = {},
): Promise<string> {
  const db = await dbWithGoodIndex();
  const result = await syncIndex(db, { url, bundled: false, ...options });
  expect(result.status).toBe('failed');
  expect(result.stories).toBe(3);
  expect(result.error!.startsWith(`${url}: `)).toBe(true);
  if (typeof message === 'string') expect(result.error).toContain(message);
  else expect(result.error).toMatch(message);
  const status = await getSyncStatus(db);
  expect(status.lastError).toBe(result.error);
  expect(status.sourceUrl).toBe(url);
  expect(status.lastSuccessAt).not.toBeNull();
  await expectGoodIndexKept(db);
  return result.error!;
}

function mutated(change: (doc: StoryIndex) => void): StoryIndex {
  const doc = clone(GOOD);
  change(doc);
  return doc;
}

describe('syncIndex over HTTP', () => {
  it('imports a valid index and records the status', async () => {
    const db = await dbWithGoodIndex();
    const status = await getSyncStatus(db);
    expect(status.lastError).toBeNull();
    expect(status.lastSyncAt).toBe(status.lastSuccessAt);
    const meta = await getIndexMeta(db);
    expect(meta).toMatchObject({ etag: '"good-1"', bundled: false, stories: 3 });
  });

  it('reports progress of a large import, ending at 1', async () => {
    const db = openDatabase(`sync-test-progress-${counter++}`);
    opened.push(db);
    const url = server.route('/large.json', json(makeIndex(4500, 'l')));
    const progress: number[] = [];
    const result = await syncIndex(db, {
      url,
      bundled: false,
      onProgress: (f) => progress.push(f),
    });
    expect(result).toEqual({ status: 'updated', stories: 4500, error: null });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('sends If-None-Match, and a 304 changes nothing', async () => {
    const db = await dbWithGoodIndex();
    const before = await getIndexMeta(db);
    const url = server.route('/etag.json', (req, res) => {
      if (req.headers['if-none-match'] === '"e1"') {
        res.writeHead(304);
        res.end();
      } else json(GOOD, { ETag: '"e1"' })(req, res);
    });
    expect((await syncIndex(db, { url, bundled: false })).status).toBe('updated');
    const imported = await getIndexMeta(db);
    const second = await syncIndex(db, { url, bundled: false });
    expect(second).toEqual({ status: 'not-modified', stories: 3, error: null });
    expect(await getIndexMeta(db)).toEqual(imported);
    expect(imported!.importedAt >= before!.importedAt).toBe(true);
    expect(
      server.requests.filter((r) => r.path === '/etag.json').at(-1)!.headers['if-none-match'],
    ).toBe('"e1"');
  });

  it('sends If-Modified-Since from Last-Modified', async () => {
    const db = await dbWithGoodIndex();
    const stamp = 'Wed, 06 Aug 2025 10:00:00 GMT';
    const url = server.route('/lm.json', (req, res) => {
      if (req.headers['if-modified-since'] === stamp) {
        res.writeHead(304);
        res.end();
      } else json(GOOD, { 'Last-Modified': stamp })(req, res);
    });
    await syncIndex(db, { url, bundled: false });
    expect((await syncIndex(db, { url, bundled: false })).status).toBe('not-modified');
  });

  it('does not send another source’s validators', async () => {
    const db = await dbWithGoodIndex();
    const url = server.route('/other.json', json(GOOD));
    await syncIndex(db, { url, bundled: false });
    const seen = server.requests.filter((r) => r.path === '/other.json').at(-1)!;
    expect(seen.headers['if-none-match']).toBeUndefined();
  });

  it('accepts a gzip-compressed response', async () => {
    const db = await dbWithGoodIndex();
    const next = makeIndex(4, 'gz', '2025-08-20T00:00:00Z');
    const url = server.route('/gz.json', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify(next)));
    });
    expect(await syncIndex(db, { url, bundled: false })).toEqual({
      status: 'updated',
      stories: 4,
      error: null,
    });
  });

  it('applies a delta document', async () => {
    const db = await dbWithGoodIndex();
    const delta = makeDelta(GOOD, [makeStory('good-3', 3, ['good-2'])], ['good-0']);
    // good-1 relates to good-0, so it is sent again without that link.
    delta.upserts.push({ ...clone(GOOD.stories[1]!), related: [] });
    const url = server.route('/delta.json', json(delta));
    const result = await syncIndex(db, { url, bundled: false });
    expect(result).toEqual({ status: 'updated', stories: 3, error: null });
    expect((await getAllStories(db)).map((s) => s.id).sort()).toEqual([
      'good-1',
      'good-2',
      'good-3',
    ]);
    expect((await getIndexMeta(db))!.generatedAt).toBe(delta.generatedAt);
  });

  it('refuses a delta built on another base', async () => {
    const delta = { ...makeDelta(GOOD, [], []), baseGeneratedAt: '2024-01-01T00:00:00Z' };
    await expectRefused(server.route('/delta-base.json', json(delta)), 'baseGeneratedAt: 2024');
  });

  it('refuses a delta that deletes a story still related from a kept one', async () => {
    const delta = makeDelta(GOOD, [], ['good-0']);
    await expectRefused(
      server.route('/delta-dangling.json', json(delta)),
      ": deletes[0]: 'good-0' is still in related of story 'good-1'",
    );
  });

  it('refuses a delta when no index is stored', async () => {
    const db = openDatabase(`sync-test-empty-${counter++}`);
    opened.push(db);
    const url = server.route('/delta-alone.json', json(makeDelta(GOOD, [], [])));
    const result = await syncIndex(db, { url, bundled: false });
    expect(result.status).toBe('failed');
    expect(result.error).toContain('no stored index');
    expect(await getIndexMeta(db)).toBeNull();
  });
});

describe('syncIndex keeps the last good index on bad input', () => {
  it('HTTP 404', async () => {
    await expectRefused(`${server.origin}/nowhere.json`, 'the server answered HTTP 404 Not Found');
  });

  it('HTTP 500', async () => {
    const url = server.route('/500.json', (_req, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    await expectRefused(url, 'HTTP 500 Internal Server Error');
  });

  it('a time-out before any answer', async () => {
    const url = server.route('/stall.json', () => undefined);
    await expectRefused(url, 'no complete answer within 0.3 s (timed out)', { timeoutMs: 300 });
  });

  it('a time-out in the middle of the body', async () => {
    const url = server.route('/stall-body.json', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(JSON.stringify(GOOD).slice(0, 100));
    });
    await expectRefused(url, 'timed out', { timeoutMs: 300 });
  });

  it('a refused connection', async () => {
    const port = await closedPort();
    await expectRefused(
      `http://127.0.0.1:${port}/index.json`,
      'could not reach the server (ECONNREFUSED)',
    );
  });

  it('truncated JSON', async () => {
    const text = JSON.stringify(GOOD);
    const url = server.route('/truncated.json', json(text.slice(0, text.length / 2)));
    await expectRefused(url, 'the document is not valid JSON, or is cut short');
  });

  it('an empty body', async () => {
    await expectRefused(server.route('/empty.json', json('')), 'the document is empty');
  });

  it('HTML instead of JSON', async () => {
    const url = server.route('/html.json', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body>Log in</body></html>');
    });
    await expectRefused(
      url,
      'the server sent HTML (text/html; charset=utf-8), not a JSON story index',
    );
  });

  it('a 60 MB body, refused while streaming without Content-Length', async () => {
    let sent = 0;
    let finished = false;
    const url = server.route('/huge-stream.json', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      const pump = (): void => {
        while (sent < 60_000_000) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        finished = true;
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const error = await expectRefused(url, 'larger than the 50 MB limit (stopped reading at');
    const stoppedAt = Number(/stopped reading at ([\d.]+) MB/.exec(error)![1]);
    expect(stoppedAt).toBeGreaterThanOrEqual(50);
    expect(stoppedAt).toBeLessThan(52);
    expect(finished).toBe(false);
  });

  it('a 60 MB body, refused from its Content-Length before reading', async () => {
    const url = server.route('/huge-declared.json', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '60000000' });
      res.write(Buffer.alloc(1 << 16, 0x20));
    });
    await expectRefused(url, 'the document is 60 MB, larger than the 50 MB limit');
  });

  it('a configurable size cap', async () => {
    await expectRefused(
      server.route('/capped.json', json(GOOD)),
      'larger than the 1 kB limit (stopped reading at',
      {
        maxBytes: 1000,
      },
    );
  });

  const content: [string, (d: StoryIndex) => void, string][] = [
    [
      'a wrong format name',
      (d) => ((d as { format: string }).format = 'story-index'),
      'format: "story-index" is not "crosstalk.story-index"',
    ],
    [
      'an unknown future version',
      (d) => ((d as { version: number }).version = 2),
      'version: 2 is newer than this build of Crosstalk reads (1); update the extension',
    ],
    [
      'duplicate story ids',
      (d) => (d.stories[2]!.id = 'good-0'),
      "stories[2].id: 'good-0' is a duplicate story id",
    ],
    [
      'an undeclared community',
      (d) => (d.stories[1]!.reactions[0]!.community = 'bsky'),
      "stories[1].reactions[0].community: 'bsky' is not a declared community",
    ],
    [
      'a missing related story',
      (d) => (d.stories[0]!.related = ['gone']),
      "stories[0].related[0]: 'gone' is not a story in the index",
    ],
    [
      'a script in a title',
      (d) => (d.stories[0]!.title = '<script>alert(1)</script>'),
      'stories[0].title: carries HTML markup',
    ],
    [
      'an HTML tag in a quote',
      (d) => (d.stories[2]!.reactions[0]!.quotes[0]!.text = 'hi <img src=x onerror=alert(1)>'),
      'stories[2].reactions[0].quotes[0].text: carries HTML markup',
    ],
    [
      'a javascript: URL',
      (d) => (d.stories[0]!.urls[0] = 'javascript:alert(1)'),
      'stories[0].urls[0]: is not an http(s) URL',
    ],
    [
      'a data: URL',
      (d) => (d.stories[1]!.reactions[0]!.threads[0]!.url = 'data:text/html,<b>x</b>'),
      'stories[1].reactions[0].threads[0].url: is not an http(s) URL',
    ],
    [
      'a negative count',
      (d) => (d.stories[0]!.reactions[0]!.posts = -3),
      'stories[0].reactions[0].posts: is negative',
    ],
    [
      'sentiment shares not summing to 1',
      (d) =>
        (d.stories[1]!.reactions[0]!.sentiment = { positive: 0.5, neutral: 0.3, negative: 0.25 }),
      'stories[1].reactions[0].sentiment: shares sum to 1.050, not 1 (±0.01)',
    ],
    [
      'a 100,000-character field',
      (d) => (d.stories[0]!.summary = 'a'.repeat(100_000)),
      'stories[0].summary: is 100000 characters long, the limit is 1200',
    ],
  ];
  for (const [name, change, message] of content) {
    it(name, async () => {
      const slug = name.replace(/[^a-z0-9]+/gi, '-');
      await expectRefused(server.route(`/bad-${slug}.json`, json(mutated(change))), message);
    });
  }

  it('accepts sentiment shares within 0.01 of 1', async () => {
    const db = await dbWithGoodIndex();
    const doc = mutated((d) => {
      d.generatedAt = '2025-08-11T00:00:00Z';
      d.stories[0]!.reactions[0]!.sentiment = { positive: 0.333, neutral: 0.333, negative: 0.333 };
    });
    const result = await syncIndex(db, {
      url: server.route('/rounded.json', json(doc)),
      bundled: false,
    });
    expect(result.status).toBe('updated');
  });

  it('a later good sync clears the error', async () => {
    const db = await dbWithGoodIndex();
    await syncIndex(db, { url: `${server.origin}/nowhere.json`, bundled: false });
    expect((await getSyncStatus(db)).lastError).toContain('404');
    await syncIndex(db, { url: GOOD_URL(), bundled: false });
    expect((await getSyncStatus(db)).lastError).toBeNull();
  });
});

describe('ensureBundledIndex', () => {
  const bundle = (generatedAt: string) =>
    server.route(`/bundle-${generatedAt}.json`, json(makeIndex(2, 'bundled', generatedAt)));

  function emptyDb(): CrosstalkDatabase {
    const db = openDatabase(`bundle-test-${Date.now()}-${counter++}`);
    opened.push(db);
    return db;
  }

  it('loads the bundle when nothing is stored', async () => {
    const db = emptyDb();
    const url = bundle('2025-08-01T00:00:00Z');
    expect(await ensureBundledIndex(db, url)).toEqual({
      status: 'updated',
      stories: 2,
      error: null,
    });
    expect(await getIndexMeta(db)).toMatchObject({ bundled: true, sourceUrl: url });
  });

  it('replaces an older bundled index with a newer bundle', async () => {
    const db = emptyDb();
    await ensureBundledIndex(db, bundle('2025-08-01T00:00:00Z'));
    const result = await ensureBundledIndex(db, bundle('2025-09-01T00:00:00Z'));
    expect(result.status).toBe('updated');
    expect((await getIndexMeta(db))!.generatedAt).toBe('2025-09-01T00:00:00Z');
  });

  it('keeps a bundled index that is as new as the bundle', async () => {
    const db = emptyDb();
    await ensureBundledIndex(db, bundle('2025-09-01T00:00:00Z'));
    const before = await getIndexMeta(db);
    expect((await ensureBundledIndex(db, bundle('2025-08-01T00:00:00Z'))).status).toBe(
      'not-modified',
    );
    expect(await getIndexMeta(db)).toEqual(before);
  });

  it('never replaces an index synced from the user’s own source, even an older one', async () => {
    const db = emptyDb();
    await importStoryIndex(db, makeIndex(5, 'mine', '2025-01-01T00:00:00Z'), {
      url: 'https://my.example/index.json',
      bundled: false,
    });
    const result = await ensureBundledIndex(db, bundle('2025-09-01T00:00:00Z'));
    expect(result).toEqual({ status: 'not-modified', stories: 5, error: null });
    expect((await getIndexMeta(db))!.sourceUrl).toBe('https://my.example/index.json');
  });

  it('with a tag, does not read the bundle again for the same tag', async () => {
    const db = emptyDb();
    const url = bundle('2025-08-01T00:00:00Z');
    expect((await ensureBundledIndex(db, url, fetch, { tag: '1.0.0' })).status).toBe('updated');
    const reads = () =>
      server.requests.filter((r) => r.path === '/bundle-2025-08-01T00:00:00Z.json').length;
    const before = reads();
    expect(await ensureBundledIndex(db, url, fetch, { tag: '1.0.0' })).toEqual({
      status: 'not-modified',
      stories: 2,
      error: null,
    });
    expect(reads()).toBe(before);
    // A stored bundle read once under a new tag is not read again under it.
    expect((await ensureBundledIndex(db, url, fetch, { tag: '1.0.1' })).status).toBe(
      'not-modified',
    );
    expect(reads()).toBe(before + 1);
    await ensureBundledIndex(db, url, fetch, { tag: '1.0.1' });
    expect(reads()).toBe(before + 1);
    // A new build (new tag) reads its bundle and takes it if it is newer.
    const next = bundle('2025-09-01T00:00:00Z');
    expect((await ensureBundledIndex(db, next, fetch, { tag: '1.1.0' })).status).toBe('updated');
  });

  it('does not validate a bundle that is not newer', async () => {
    const db = emptyDb();
    await ensureBundledIndex(db, bundle('2025-09-01T00:00:00Z'));
    // Broken below the envelope, but older: it would never be written, so it is not checked.
    const older = mutated((d) => {
      d.generatedAt = '2025-08-01T00:00:00Z';
      d.stories[0]!.title = '<b>x</b>';
    });
    const result = await ensureBundledIndex(
      db,
      server.route('/bundle-old-broken.json', json(older)),
    );
    expect(result.status).toBe('not-modified');
  });

  it('reports a broken bundle and keeps what is stored', async () => {
    const db = emptyDb();
    await ensureBundledIndex(db, bundle('2025-08-01T00:00:00Z'));
    const url = server.route('/bundle-broken.json', json('{"format":'));
    const result = await ensureBundledIndex(db, url);
    expect(result.status).toBe('failed');
    expect(result.error).toContain(`${url}: the document is not valid JSON`);
    expect((await getIndexMeta(db))!.generatedAt).toBe('2025-08-01T00:00:00Z');
  });
});

describe('syncIndex, broken transfers', () => {
  it('a connection cut in the middle of the body', async () => {
    const url = server.route('/cut.json', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      res.write(JSON.stringify(GOOD).slice(0, 100), () => res.destroy());
    });
    await expectRefused(url, /the download broke off \(.+\)/);
  });

  it('a body that claims gzip but is not', async () => {
    const url = server.route('/bad-gzip.json', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end('this is not gzip');
    });
    await expectRefused(url, /the download broke off \(.+\)/);
  });
});
