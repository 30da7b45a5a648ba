/**
 * Hostile and broken pages: readPage must not throw, must stay bounded
 * (nodes visited, characters kept) and must leave the page as it was.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_NODES, newBudget, textOf, walk } from '../../utils/page/dom';
import { readPage } from '../../utils/page/read';
import { MAX_LEAD_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS } from '../../utils/page/types';
import { classifyPage } from '../../utils/topic/page';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('readPage on hostile pages', () => {
  it('reads empty and body-less documents without throwing', () => {
    for (const html of [
      '',
      '<html></html>',
      '<html><head></head></html>',
      '<!DOCTYPE html><p>',
      'just text',
    ]) {
      const page = readPage(doc(html), 'https://example.com/');
      expect(page.url).toBe('https://example.com/');
      expect(typeof page.title).toBe('string');
      expect(classifyPage(page).ai).toBe(false);
    }
  });

  it('survives an unparsable location', () => {
    const page = readPage(doc('<html><body><p>x</p></body></html>'), 'not a url');
    expect(page.url).toBe('not a url');
  });

  it('walks a DOM nested 10,000 deep without recursion', () => {
    const depth = 10_000;
    const d = doc(
      `<html><body>${'<div>'.repeat(depth)}<p>deep text about the weather</p>${'</div>'.repeat(depth)}</body></html>`,
    );
    const page = readPage(d, 'https://example.com/deep');
    expect(page.kind).toBeDefined();
    const budget = newBudget();
    expect(textOf(d.body, 100, budget)).toContain('deep text');
  });

  it('stops walking when the node budget runs out', () => {
    const d = doc(`<html><body>${'<span>a</span>'.repeat(5_000)}</body></html>`);
    const budget = newBudget(1_000);
    let visited = 0;
    walk(d.body, budget, () => {
      visited++;
    });
    expect(visited).toBe(1_000);
    expect(budget.nodes).toBe(0);
    expect(MAX_NODES).toBeGreaterThan(1_000);
  });

  it('caps what it keeps from a page with a 20 MB paragraph and a 2 MB title', () => {
    const huge = 'word '.repeat(4_000_000); // 20 MB
    const d = doc(
      `<html><head><title>${'T'.repeat(2_000_000)}</title></head><body><article><p>${huge}</p></article></body></html>`,
    );
    const t0 = performance.now();
    const page = readPage(d, 'https://example.com/huge');
    const ms = performance.now() - t0;
    expect(page.lead.length).toBeLessThanOrEqual(MAX_LEAD_CHARS);
    expect(page.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    // Generous: linkedom on a shared machine; the point is "bounded", not "fast".
    expect(ms).toBeLessThan(5_000);
  });

  it('stays bounded on a page with 50,000 elements', () => {
    const d = doc(
      `<html><body>${'<div><p>Short line of text in a paragraph here.</p></div>'.repeat(50_000)}</body></html>`,
    );
    const t0 = performance.now();
    const page = readPage(d, 'https://example.com/many');
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(page.lead.length).toBeLessThanOrEqual(MAX_LEAD_CHARS);
  });

  it('does not read frames, scripts, styles or hidden elements', () => {
    const d = doc(`<html><body><article>
      <p>${'Visible article text about gardening and soil. '.repeat(6)}</p>
      <iframe srcdoc="<p>OpenAI ChatGPT frame text</p>"><p>OpenAI fallback frame text</p></iframe>
      <script>var s = "ChatGPT in a script";</script><style>.x{content:"LLM"}</style>
      <p hidden>OpenAI hidden paragraph</p><p style="display:none">Anthropic hidden</p>
      </article><frameset><frame src="https://evil.example/"></frameset></body></html>`);
    const page = readPage(d, 'https://example.com/garden');
    expect(page.lead).toContain('gardening');
    expect(page.lead).not.toMatch(/OpenAI|ChatGPT|LLM|Anthropic/);
    expect(classifyPage(page).ai).toBe(false);
  });

  it('reads pages in other scripts (Arabic, Hindi, Korean) and classifies their AI words', () => {
    const cases: [string, string, boolean][] = [
      ['ar', 'الذكاء الاصطناعي يغير الصحافة', true],
      ['hi', 'कृत्रिम बुद्धिमत्ता और शिक्षा', true],
      ['ko', '인공지능 규제 법안 국회 통과', true],
      ['ar', 'أسعار النفط ترتفع اليوم', false],
    ];
    for (const [lang, title, ai] of cases) {
      const page = readPage(
        doc(
          `<html lang="${lang}" dir="rtl"><head><title>${title}</title></head><body><p>${title}</p></body></html>`,
        ),
        'https://example.com/x',
      );
      expect(page.lang).toBe(lang);
      expect(page.title).toBe(title);
      expect(classifyPage(page).ai).toBe(ai);
    }
  });

  it('drops declared URLs longer than the cap instead of passing them on', () => {
    const long = `https://example.com/${'a'.repeat(MAX_URL_CHARS)}`;
    const page = readPage(
      doc(`<html><head><link rel="canonical" href="${long}"></head><body></body></html>`),
      'https://example.com/',
    );
    expect(page.canonicalUrl).toBeNull();
  });

  it('ignores junk JSON-LD', () => {
    const page = readPage(
      doc(`<html><head><script type="application/ld+json">{"@type": [1, {"x": null}], "headline": {"a": 1}}</script>
        <script type="application/ld+json">[[[[[]]]]]</script><title>Plain title</title></head><body></body></html>`),
      'https://example.com/',
    );
    expect(page.title).toBe('Plain title');
  });

  it('leaves a page with forms and inputs untouched', () => {
    const d = doc(
      `<html><body><form><input value="secret"><textarea>draft</textarea></form><article><p>${'Some text. '.repeat(30)}</p></article></body></html>`,
    );
    const before = String(d);
    const page = readPage(d, 'https://example.com/');
    expect(page.lead).not.toContain('draft');
    expect(String(d)).toBe(before);
  });
});
