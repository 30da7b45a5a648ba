import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { clean, metaTags } from './dom';

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('clean', () => {
  it('collapses every kind of whitespace to one space and trims', () => {
    expect(clean(' \n a\t\tb \u00a0 c\r\n', 100)).toBe('a b c');
  });

  it('cuts at the last word boundary that fits', () => {
    expect(clean('alpha beta gamma', 12)).toBe('alpha beta');
    expect(clean('alphabetagamma', 5)).toBe('alpha');
  });

  it('never splits a word between two slices, even past the slice length', () => {
    // A word that straddles the first slice's end (256 characters here) must stay whole.
    const text = `${'a'.repeat(250)} ${'b'.repeat(20)}   ${'c'.repeat(400)} d`;
    const expected = `${'a'.repeat(250)} ${'b'.repeat(20)} ${'c'.repeat(400)} d`;
    expect(clean(text, 1_000)).toBe(expected);
  });

  it('reads text without spaces (CJK) to the cap', () => {
    const text = '人工智能'.repeat(2_000);
    expect(clean(text, 300)).toBe(text.slice(0, 300));
  });

  it('answers empty for nothing to read', () => {
    expect(clean(null, 10)).toBe('');
    expect(clean('   ', 10)).toBe('');
    expect(clean('text', 0)).toBe('');
  });
});

describe('metaTags', () => {
  const wanted = new Set(['og:title', 'description', 'datepublished']);

  it('keeps the wanted keys only, by property else name, lower-cased, first value winning', () => {
    const tags = metaTags(
      doc(`<html><head>
        <meta name="viewport" content="width=device-width">
        <meta property="OG:Title" content="First">
        <meta property="og:title" content="Second">
        <meta name="Description" content="About">
        <meta name="datePublished" content="2025-07-01">
      </head><body></body></html>`),
      wanted,
    );
    expect([...tags]).toEqual([
      ['og:title', 'First'],
      ['description', 'About'],
      ['datepublished', '2025-07-01'],
    ]);
  });

  it('takes value= when there is no content= (Bluesky) and skips empty values', () => {
    const tags = metaTags(
      doc(`<html><head>
        <meta property="og:title" content="  ">
        <meta property="og:title" value="From value">
      </head><body></body></html>`),
      wanted,
    );
    expect(tags.get('og:title')).toBe('From value');
  });

  it('keys a tag by its property even when its name is a wanted key', () => {
    const tags = metaTags(
      doc(`<html><head>
        <meta property="fb:app_id" name="description" content="123">
      </head><body></body></html>`),
      wanted,
    );
    expect(tags.has('description')).toBe(false);
  });
});
