import { describe, expect, it } from 'vitest';
import { seededRng, type Rng } from '../../tests/unit/seeded-rng';
import { parseSimpleUrl, type UrlParts } from './simple-url';

function partsOf(url: UrlParts) {
  return {
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
    pathname: url.pathname,
    params: [...url.searchParams],
    id: url.searchParams.get('id'),
    v: url.searchParams.get('v'),
  };
}

/** What the URL parser makes of it, or null when it refuses it. */
function parsed(input: string) {
  try {
    return partsOf(new URL(input));
  } catch {
    return null;
  }
}

const PIECES = {
  scheme: ['https://', 'http://', 'HTTPS://', 'ftp://', 'https:/', 'https:///', 'https:\\\\'],
  host: [
    'example.com',
    'WWW.Example.COM',
    'm.example.co.uk',
    'example.com.',
    'a..b',
    '-a-.com',
    '.',
    '..',
    'xn--bcher-kva.de',
    'xn--abc-.com',
    'XN--a.com',
    '127.0.0.1',
    '1.2.3',
    '0x7f.1',
    'a.1',
    'a.1.',
    'a.b.123abc',
    'a.0x1f',
    'localhost',
    'user@host.com',
    'host.com:8080',
    'host.com:443',
    'a_b.com',
    'bücher.de',
    'x',
    '9gag.com',
    'a.b-c.d',
  ],
  segment: [
    '',
    'a',
    'A',
    '.',
    '..',
    '.hidden',
    'a.b',
    '%2e',
    '%2E%2e',
    'a%20b',
    'a b',
    'é',
    '~x',
    "it's",
    'a+b',
    'a;b=c',
    '@me',
    'amp',
    'x.amp.html',
    '[v6]',
    'a|b',
    'a^b',
    '`',
    '{x}',
    'a\\b',
    'a"b',
  ],
  query: [
    '',
    '?',
    '?id=123',
    '?id=12&id=34',
    '?v=abc&t=1',
    '?a',
    '?a=b=c',
    '?&&a=1&',
    '?=x',
    '?a=%41',
    '?a=b+c',
    '?utm_source=x&b=2',
    '?a=1;b=2',
    '?a=é',
    '?a= b',
    '?a=~_.-',
    '?ID=5',
    '?id=5#x?y',
  ],
  fragment: ['', '#', '#top', '#a b', '#é', '#x?y=1', '#\n', '#a#b'],
};

function randomUrl(rng: Rng): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)] as T;
  let path = '';
  const segments = Math.floor(rng() * 4);
  for (let i = 0; i < segments; i++) path += `/${pick(PIECES.segment)}`;
  if (rng() < 0.2) path += '/';
  // Half the time a plain scheme and no fragment, so that many addresses take the simple path.
  const plain = rng() < 0.5;
  const scheme = plain ? 'https://' : pick(PIECES.scheme);
  const fragment = plain ? '' : pick(PIECES.fragment);
  return scheme + pick(PIECES.host) + path + pick(PIECES.query) + fragment;
}

describe('parseSimpleUrl', () => {
  it('reads plain addresses as the URL parser does', () => {
    for (const url of [
      'https://example.com',
      'https://Example.com/a/b/?x=1',
      'https://news.ycombinator.com/item?id=48896745',
      'https://arxiv.org/abs/2507.09369',
      'https://www.reddit.com/r/LocalLLaMA/comments/1abc/some_title/',
      'http://example.com./path#frag',
    ]) {
      const simple = parseSimpleUrl(url);
      expect(simple, url).not.toBeNull();
      expect(partsOf(simple as UrlParts), url).toEqual(parsed(url));
    }
  });

  it('leaves what the parser would change or refuse to the parser', () => {
    for (const url of [
      'https://a.com/./b',
      'https://a.com/x/../b',
      'https://a.com/%2e/b',
      'https://127.0.0.1/x',
      'https://example.com:8080/',
      'https://xn--bcher-kva.de/',
      'HTTPS://example.com/',
      'https://example.com/a b',
      'https://example.com/?q=a+b',
      'https://bücher.de/',
    ]) {
      expect(parseSimpleUrl(url), url).toBeNull();
    }
  });

  it('agrees with the URL parser on every address it reads (fuzz)', () => {
    const rng = seededRng(20261125);
    let read = 0;
    for (let i = 0; i < 20_000; i++) {
      const url = randomUrl(rng);
      const simple = parseSimpleUrl(url);
      if (!simple) continue;
      read++;
      expect(partsOf(simple), url).toEqual(parsed(url));
    }
    // The fuzz must exercise the simple path, not only the refusals.
    expect(read).toBeGreaterThan(1_000);
  });
});
