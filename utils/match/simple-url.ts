/**
 * The parts of a plain http(s) address, read without the URL parser: a story
 * index holds thousands of addresses, and `new URL()` (with its searchParams)
 * is most of what building the link table costs at a service-worker restart.
 *
 * Only addresses the URL parser would leave as they are take this path: a
 * lower-case http or https scheme, a host of letters, digits, dots and hyphens
 * (no port, no user, no IP address, no punycode to validate), a path without
 * percent escapes or dot segments, and a query of plain characters (nothing to
 * decode). Anything else gives null, and the caller asks the URL parser.
 */

/** What canonicalUrl reads of a parsed address (a URL has all of it too). */
export interface UrlParts {
  protocol: string;
  hostname: string;
  port: string;
  pathname: string;
  searchParams: QueryParams;
}

export interface QueryParams extends Iterable<[string, string]> {
  get(name: string): string | null;
}

const SIMPLE =
  /^(https?):\/\/([A-Za-z0-9.-]+)((?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@]*)*)(?:\?([A-Za-z0-9\-._~=&]*))?(?:#.*)?$/;
/** A "." or ".." path segment, which the URL parser resolves. */
const DOT_SEGMENT = /\/\.\.?(?=\/|$)/;
/** A last host label the URL parser reads as (part of) an IPv4 address. */
const NUMERIC_LAST_LABEL = /(?:^|\.)\d[^.]*\.?$/;

export function parseSimpleUrl(input: string): UrlParts | null {
  const match = SIMPLE.exec(input);
  if (!match) return null;
  const [, scheme = '', host = '', path = '', query = ''] = match;
  if (DOT_SEGMENT.test(path) || NUMERIC_LAST_LABEL.test(host) || /xn--/i.test(host)) return null;
  // A host of dots or hyphens only is left to the parser too.
  if (!/[a-z]/i.test(host)) return null;
  return {
    protocol: `${scheme}:`,
    hostname: host.toLowerCase(),
    port: '',
    pathname: path || '/',
    searchParams: new SimpleQuery(query),
  };
}

/** Name=value pairs joined by "&", none escaped (so nothing to decode). */
class SimpleQuery implements QueryParams {
  private readonly pairs: [string, string][] = [];

  constructor(query: string) {
    if (query === '') return;
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      this.pairs.push(at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]);
    }
  }

  get(name: string): string | null {
    for (const [key, value] of this.pairs) if (key === name) return value;
    return null;
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.pairs[Symbol.iterator]();
  }
}
