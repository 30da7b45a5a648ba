import { describe, expect, it } from 'vitest';
import { checkBackgroundMessage } from './messaging-guard';

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
  it('accepts a well-formed matchPage from a content script', () => {
    const gate = checkBackgroundMessage(
      { to: 'background', type: 'matchPage', payload: { page } },
      fromContent,
      ID,
      ORIGIN,
    );
    expect(gate.ok).toBe(true);
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
    for (const type of ['indexStatus', 'syncNow', 'useBundledIndex', 'search']) {
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
      fromContent,
      ID,
      ORIGIN,
    );
    expect(gate.ok).toBe(false);
    if (!gate.ok) expect(gate.error).toMatch(/^refused: matchPage\.page\.title:/);
    const extra = checkBackgroundMessage(
      { to: 'background', type: 'matchPage', payload: { page: { ...page, html: '<b>' } } },
      fromContent,
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
});
