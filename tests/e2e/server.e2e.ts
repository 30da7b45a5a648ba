/**
 * The local web the browsers use, checked without a browser: plain HTTP in absolute form, HTTPS
 * through a CONNECT tunnel, 404 for anything not served, and the request log.
 */
import { request as httpRequest } from 'node:http';
import { connect as tlsConnect } from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUMERAMA_GPT5, servePages } from './pages';
import { startLocalWeb } from './server';
import type { LocalWeb } from './server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET through the proxy, as a browser does for http:// URLs. */
function viaProxyHttp(port: number, url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path: url }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET through a CONNECT tunnel and TLS, as a browser does for https:// URLs. */
function viaProxyHttps(port: number, url: string): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const tunnel = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'CONNECT',
      path: `${target.hostname}:443`,
    });
    tunnel.on('error', reject);
    tunnel.on('connect', (res, socket) => {
      if (res.statusCode !== 200) return reject(new Error(`CONNECT answered ${res.statusCode}`));
      const tls = tlsConnect({ socket, servername: target.hostname, rejectUnauthorized: false });
      const req = httpRequest(
        {
          createConnection: () => tls,
          host: target.hostname,
          path: target.pathname + target.search,
          headers: { host: target.host, origin: 'chrome-extension://test' },
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            resolve({
              status: answer.statusCode ?? 0,
              headers: answer.headers,
              body: Buffer.concat(chunks),
            });
            tls.destroy();
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    tunnel.end();
  });
}

describe('local web (tests/e2e/server.ts)', () => {
  let web: LocalWeb;
  beforeAll(async () => {
    web = await startLocalWeb();
    servePages(web, [NUMERAMA_GPT5]);
  });
  afterAll(() => web.close());

  it('serves a saved page at its original https URL through a CONNECT tunnel', async () => {
    const answer = await viaProxyHttps(web.port, NUMERAMA_GPT5.url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString('utf8')).toContain('<title>Sam Altman annonce');
  });

  it('answers the same host and path over plain http, and 404 for anything else', async () => {
    const plain = await viaProxyHttp(web.port, NUMERAMA_GPT5.url.replace('https:', 'http:'));
    expect(plain.status).toBe(200);
    expect((await viaProxyHttp(web.port, 'http://www.numerama.com/elsewhere')).status).toBe(404);
    expect((await viaProxyHttps(web.port, 'https://example.org/')).status).toBe(404);
  });

  it('serves, replaces and withdraws a document at a chosen URL', async () => {
    const url = 'https://index.example.org/crosstalk/story-index.json';
    web.serve(url, { body: '{"v":1}', contentType: 'application/json' });
    expect((await viaProxyHttps(web.port, url)).body.toString()).toBe('{"v":1}');
    web.serve(url, { body: '{"v":2}', contentType: 'application/json' });
    expect((await viaProxyHttps(web.port, `${url}?t=1`)).body.toString()).toBe('{"v":2}');
    web.unserve(url);
    expect((await viaProxyHttps(web.port, url)).status).toBe(404);
  });

  it('records every request with who asked', async () => {
    web.clearRequests();
    await viaProxyHttps(web.port, NUMERAMA_GPT5.url);
    await viaProxyHttp(web.port, 'http://tracker.example.net/pixel.gif');
    const log = web.requests();
    expect(log.map((r) => [r.kind, r.url, r.status])).toEqual([
      ['connect', 'https://www.numerama.com:443/', 200],
      ['https', NUMERAMA_GPT5.url, 200],
      ['http', 'http://tracker.example.net/pixel.gif', 404],
    ]);
    expect(log[1]?.origin).toBe('chrome-extension://test');
  });
});
