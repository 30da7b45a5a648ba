import { describe, expect, it } from 'vitest';
import { checkBackgroundMessage, checkPageReport } from './messaging-guard';
import { MAX_LEAD_CHARS, RAW_TEXT_FACTOR } from './page/types';

const ID = 'crosstalk-test-id';
const ORIGIN = 'chrome-extension://crosstalk-test-id/';
const page = {
  kind: 'article',
  url: 'https://www.theverge.com/a',
  canonicalUrl: null,
  discussedUrl: null,
  title: 'A title',
  description: '',
  lead: '',
  lang: 'en',
  siteName: null,
  publishedAt: null,
};
const fromContent = { id: ID, url: 'https://www.theverge.com/a', tab: { id: 3 } };
const fromPopup = { id: ID, url: `${ORIGIN}popup.html` };

describe('checkBackgroundMessage', () => {
  it("accepts a well-formed request of the sidebar's from a content script", () => {
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'getStory', payload: { id: 'gpt-5' } },
      fromContent,
      ID,
      ORIGIN,
    );
    expect(gate.ok).toBe(true);
  });

  it('refuses to match anything for a content script: the background reads pages itself', () => {
    for (const [type, payload] of [
      ['matchPage', { page }],
      ['matchTab', { tabId: 3 }],
    ] as const) {
      const gate = checkBackgroundMessage(
        { to: 'background', type, payload },
        fromContent,
        ID,
        ORIGIN,
      );
      expect(gate).toMatchObject({
        ok: false,
        error: `refused: a content script may not ask for ${type}`,
      });
      expect(
        checkBackgroundMessage({ to: 'background', type, payload }, fromPopup, ID, ORIGIN),
      ).toMatchObject({ ok: true });
    }
  });

  it('ignores messages that are not addressed to the background', () => {
    const gate = checkBackgroundMessage({ hello: 1 }, fromContent, ID, ORIGIN);
    expect(gate).toMatchObject({ ok: false, ignore: true });
  });

  it('refuses another extension', () => {
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'indexStatus', payload: {} },
      { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' },
      ID,
      ORIGIN,
    );
    expect(gate).toMatchObject({ ok: false, error: 'refused: the sender is not Crosstalk' });
  });

  it('refuses UI-only requests from a content script', () => {
    for (const type of ['indexStatus', 'syncNow', 'useBundledIndex', 'search', 'matchTab']) {
      const payload = type === 'search' ? { query: 'x' } : {};
      const gate = checkBackgroundMessage(
        { to: 'background', type, payload },
        fromContent,
        ID,
        ORIGIN,
      );
      expect(gate.ok, type).toBe(false);
      if (!gate.ok) expect(gate.error).toContain('a content script may not ask');
    }
  });

  it('lets extension pages ask UI requests', () => {
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'syncNow', payload: {} },
      fromPopup,
      ID,
      ORIGIN,
    );
    expect(gate.ok).toBe(true);
  });

  it('refuses oversized or misshapen payloads and names the field', () => {
    const huge = { ...page, title: 'x'.repeat(10_000) };
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'matchPage', payload: { page: huge } },
      fromPopup,
      ID,
      ORIGIN,
    );
    expect(gate.ok).toBe(false);
    if (!gate.ok) expect(gate.error).toMatch(/^refused: matchPage\.page\.title:/);
    const extra = checkBackgroundMessage(
      { to: 'background', type: 'matchPage', payload: { page: { ...page, html: '<b>' } } },
      fromPopup,
      ID,
      ORIGIN,
    );
    expect(extra.ok).toBe(false);
  });

  it('refuses unknown request types', () => {
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'dropDatabase', payload: {} },
      fromPopup,
      ID,
      ORIGIN,
    );
    expect(gate).toMatchObject({
      ok: false,
      error: 'refused: unknown request type "dropDatabase"',
    });
  });

  // Issue 10: each way a message could get past the gate.
  it('refuses a sender without an id, and another extension asking for content-script requests', () => {
    const ask = { to: 'background', type: 'getStory', payload: { id: 'gpt-5' } };
    expect(
      checkBackgroundMessage(ask, { url: page.url, tab: { id: 1 } }, ID, ORIGIN),
    ).toMatchObject({ ok: false, error: 'refused: the sender is not Crosstalk' });
    expect(
      checkBackgroundMessage(ask, { ...fromContent, id: 'another-extension' }, ID, ORIGIN),
    ).toMatchObject({ ok: false, error: 'refused: the sender is not Crosstalk' });
  });

  it('refuses every UI-only request from a content script, whatever its payload', () => {
    const uiOnly = ['search', 'syncNow', 'indexStatus', 'useBundledIndex', 'matchPage', 'matchTab'];
    for (const type of uiOnly) {
      for (const payload of [{}, { query: 'gpt' }, undefined, null]) {
        const gate = checkBackgroundMessage(
          { to: 'background', type, payload },
          fromContent,
          ID,
          ORIGIN,
        );
        expect(gate, `${type} ${JSON.stringify(payload)}`).toMatchObject({ ok: false });
        if (!gate.ok) expect(gate.error).toBe(`refused: a content script may not ask for ${type}`);
      }
    }
    // A page on a look-alike address is still a page, not the extension.
    const lookalike = { id: ID, url: `https://www.theverge.com/?${ORIGIN}`, tab: { id: 3 } };
    expect(
      checkBackgroundMessage(
        { to: 'background', type: 'syncNow', payload: {} },
        lookalike,
        ID,
        ORIGIN,
      ).ok,
    ).toBe(false);
  });

  it('takes no request type from the prototype (toString, __proto__, constructor)', () => {
    for (const type of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const call = () =>
        checkBackgroundMessage({ to: 'background', type, payload: {} }, fromPopup, ID, ORIGIN);
      expect(call, type).not.toThrow();
      expect(call(), type).toMatchObject({
        ok: false,
        error: expect.stringMatching(/unknown request type/),
      });
    }
  });

  it.each([
    ['a missing payload', 'matchPage', undefined],
    ['a string payload', 'matchPage', 'page'],
    ['an array payload', 'getStory', ['id']],
    ['a number where a string goes', 'getStory', { id: 42 }],
    ['an extra field', 'getStory', { id: 'a', sql: 'drop' }],
    ['a 121-character id', 'getStory', { id: 'a'.repeat(121) }],
    ['a 2049-character URL', 'pageSettings', { url: `https://a.example/${'x'.repeat(2040)}` }],
    ['a 4001-character lead', 'matchPage', { page: { ...page, lead: 'x'.repeat(4001) } }],
    ['an unknown page kind', 'matchPage', { page: { ...page, kind: 'admin' } }],
    ['a page without its url', 'matchPage', { page: { ...page, url: undefined } }],
    [
      'a __proto__ key',
      'matchPage',
      JSON.parse(`{"page": ${JSON.stringify(page)}, "__proto__": {"x": 1}}`),
    ],
    ['a non-boolean docked', 'setPanelDocked', { url: page.url, docked: 'yes' }],
    ['a fractional tab id', 'matchTab', { tabId: 1.5 }],
  ])('refuses %s', (_what, type, payload) => {
    // From an extension page, which may ask every request: only the payload is wrong.
    const gate = checkBackgroundMessage({ to: 'background', type, payload }, fromPopup, ID, ORIGIN);
    expect(gate.ok).toBe(false);
    if (!gate.ok) expect(gate.error).toMatch(new RegExp(`^refused: ${type}\\.`));
  });

  it('refuses oversized search payloads from extension pages too', () => {
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'search', payload: { query: 'x'.repeat(201) } },
      fromPopup,
      ID,
      ORIGIN,
    );
    expect(gate).toMatchObject({ ok: false });
    const limit = checkBackgroundMessage(
      { to: 'background', type: 'search', payload: { query: 'x', limit: 1e9 } },
      fromPopup,
      ID,
      ORIGIN,
    );
    expect(limit).toMatchObject({ ok: false });
  });

  it("hides the asking page's own site, whatever URL the page declared as canonical", () => {
    const hostile = { id: ID, url: 'https://evil.example/post', tab: { id: 4 } };
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'hideOnSite', payload: { url: 'https://www.nytimes.com/' } },
      hostile,
      ID,
      ORIGIN,
    );
    expect(gate.ok).toBe(true);
    if (gate.ok) expect(gate.message.payload).toEqual({ url: 'https://evil.example/post' });
    // The options page may name any site.
    const fromOptions = checkBackgroundMessage(
      { to: 'background', type: 'hideOnSite', payload: { url: 'https://www.nytimes.com/' } },
      { id: ID, url: `${ORIGIN}options.html` },
      ID,
      ORIGIN,
    );
    if (fromOptions.ok)
      expect(fromOptions.message.payload).toEqual({ url: 'https://www.nytimes.com/' });
    else throw new Error(fromOptions.error);
  });
});

describe('checkPageReport (what a reader script hands back from a page)', () => {
  const report = { reading: page, quick: true, uiLoaded: false };

  it('accepts a well-formed report', () => {
    expect(checkPageReport(report)).toEqual({ ok: true, report });
  });

  it('accepts a raw reading, whose texts the background finishes after the check', () => {
    const raw = { ...report, reading: { ...page, lead: ' x '.repeat(MAX_LEAD_CHARS) } };
    expect(checkPageReport(raw)).toEqual({ ok: true, report: raw });
  });

  it.each([
    ['nothing (the script failed in the page)', undefined, 'result'],
    ['a string', 'page', 'result'],
    ['a report without its flags', { reading: page }, 'quick'],
    [
      'a lead longer than a raw reading may be (eight times the finished cap)',
      { ...report, reading: { ...page, lead: 'x'.repeat(MAX_LEAD_CHARS * RAW_TEXT_FACTOR + 1) } },
      'reading.lead',
    ],
    ['an extra field', { ...report, html: '<b>' }, 'html'],
    [
      'a reading with an extra field',
      { ...report, reading: { ...page, script: 'x' } },
      'reading.script',
    ],
    ['a page without its url', { ...report, reading: { ...page, url: 42 } }, 'reading.url'],
  ])('refuses %s, naming where', (_what, value, path) => {
    const checked = checkPageReport(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.error).toMatch(
        new RegExp(`^refused: page report\\.${path.replace('.', '\\.')}:`),
      );
  });
});
