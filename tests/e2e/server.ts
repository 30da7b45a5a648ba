/**
 * A local stand-in for the web: one port on 127.0.0.1 that the browsers use as their HTTP proxy.
 * Plain HTTP requests arrive in absolute form (GET http://host/path); HTTPS arrives as CONNECT
 * host:443, which is answered in-process by a TLS server with a self-signed certificate made for
 * this run. Either way the page is looked up by host + path, so the saved pages are served at their
 * original URLs and the extension's match patterns see real browsing. Everything else is a 404.
 * Every request is recorded, so a test can check what the browser (and the extension) fetched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RecordedRequest {
  /** 'connect' is the tunnel request itself; the requests inside it are 'https'. */
  kind: 'http' | 'https' | 'connect';
  method: string;
  /** Full URL (scheme, host, path and query); for a CONNECT, https://host:port/. */
  url: string;
  status: number;
  /** Headers that tell who asked: an extension's fetch carries its own Origin. */
  origin: string | null;
  referer: string | null;
  secFetchSite: string | null;
  at: number;
}

export interface Resource {
  body: Buffer | string;
  contentType: string;
  /** When the body is already gzip-compressed (the saved pages are). */
  gzipped?: boolean;
  status?: number;
  headers?: Record<string, string>;
}

export interface LocalWeb {
  port: number;
  /** Serve (or replace) a resource at an absolute http(s) URL; query strings are ignored. */
  serve(url: string, resource: Resource): void;
  /** Stop serving a URL (it answers 404 again). */
  unserve(url: string): void;
  /** Every request seen since start (or since the last clearRequests). */
  requests(): RecordedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

/** Resources are keyed by scheme-less host + path: the same page answers on http and https. */
function keyOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}${u.pathname}`;
}

/** A throwaway self-signed certificate; the browsers are told to accept it. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'crosstalk-e2e-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=crosstalk-e2e.invalid',
          '-keyout',
          keyPath,
          '-out',
          certPath,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      throw new Error(
        `Could not make a test certificate with openssl (install it: sudo apt-get install openssl): ${String(error)}`,
      );
    }
    return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

export async function startLocalWeb(): Promise<LocalWeb> {
  const resources = new Map<string, Resource>();
  let log: RecordedRequest[] = [];

  function record(
    req: IncomingMessage,
    kind: RecordedRequest['kind'],
    url: string,
    status: number,
  ) {
    log.push({
      kind,
      method: req.method ?? 'GET',
      url,
      status,
      origin: header(req, 'origin'),
      referer: header(req, 'referer'),
      secFetchSite: header(req, 'sec-fetch-site'),
      at: Date.now(),
    });
  }

  function answer(scheme: 'http' | 'https', req: IncomingMessage, res: ServerResponse) {
    const raw = req.url ?? '/';
    // Through a proxy, plain HTTP comes in absolute form; inside a tunnel, in origin form.
    let url = /^https?:\/\//i.test(raw)
      ? raw
      : `${scheme}://${header(req, 'host') ?? 'unknown.invalid'}${raw}`;
    try {
      url = new URL(url).href; // one spelling per URL: default ports dropped, host lower-cased
    } catch {
      /* logged as the browser sent it */
    }
    const resource = resources.get(keyOf(url));
    if (!resource || (req.method !== 'GET' && req.method !== 'HEAD')) {
      record(req, scheme, url, 404);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not served by the e2e server\n');
      return;
    }
    const status = resource.status ?? 200;
    record(req, scheme, url, status);
    const body = typeof resource.body === 'string' ? Buffer.from(resource.body) : resource.body;
    res.writeHead(status, {
      'content-type': resource.contentType,
      'content-length': String(body.length),
      'cache-control': 'no-store',
      ...(resource.gzipped ? { 'content-encoding': 'gzip' } : {}),
      ...resource.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  // Tunnelled sockets leave the proxy's books once handed over, so they are tracked here.
  const sockets = new Set<Socket>();
  const tls = createHttpsServer(makeCertificate(), (req, res) => answer('https', req, res));
  const proxy: Server = createHttpServer((req, res) => answer('http', req, res));

  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = req.url ?? 'unknown.invalid:443';
    record(req, 'connect', `https://${target}/`, 200);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    // Hand the raw socket to the TLS server as if it had connected there itself.
    tls.emit('connection', socket);
  });
  proxy.on('clientError', (_error, socket) => socket.destroy());
  tls.on('tlsClientError', () => {
    /* a browser giving up on a tunnel is not our failure */
  });

  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = proxy.address() as AddressInfo;

  return {
    port,
    serve(url, resource) {
      resources.set(keyOf(url), resource);
    },
    unserve(url) {
      resources.delete(keyOf(url));
    },
    requests: () => [...log],
    clearRequests() {
      log = [];
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      proxy.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => proxy.close(() => resolve())),
        new Promise<void>((resolve) => tls.close(() => resolve())),
      ]);
    },
  };
}
