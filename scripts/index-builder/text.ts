/**
 * Text clean-up shared by the adapters. Decoding entities and dropping markup
 * turn a platform's encoding into the text a reader sees; they never change
 * the words, so quotes cut from the result are still the author's own.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  bull: '•',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  times: '×',
  euro: '€',
  pound: '£',
};

/** Decodes named and numeric HTML character references (Reddit sends `&amp;`, `&gt;`…). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|pre|tr|section|article)\s*>|<br\s*\/?>/gi;

/** HTML fragment → plain text: block ends become line breaks, other tags go, entities are decoded. */
export function htmlToText(html: string): string {
  const noScripts = html.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ');
  const lines = noScripts.replace(BLOCK_END, '\n').replace(/<[^>]*>/g, '');
  return decodeEntities(lines)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Collapses every run of whitespace to one space: the form quotes are compared in. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
