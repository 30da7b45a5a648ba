/**
 * The background's gate: who may ask, and whether what they ask is well formed.
 * A content script lives in an untrusted page, so its messages are checked for
 * shape and size, and it may only ask what a page's sidebar needs. Extension
 * pages (popup, options) may ask the rest. Nothing outside the extension may
 * ask at all (there is no externally_connectable). What a reader script hands
 * back from a page (checkPageReport) is checked the same way.
 */
import * as v from 'valibot';
import {
  CONTENT_SCRIPT_REQUESTS,
  type BackgroundMessage,
  type BackgroundRequestType,
} from './messaging';
import {
  MAX_DESCRIPTION_CHARS,
  MAX_LEAD_CHARS,
  MAX_TITLE_CHARS,
  RAW_TEXT_FACTOR,
  type PageReport,
} from './page/types';

const short = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableUrl = v.nullable(short(2048));

export const PageReadingSchema = v.strictObject({
  kind: v.picklist([
    'article',
    'hn',
    'reddit',
    'arxiv',
    'bluesky',
    'mastodon',
    'x',
    'lobsters',
    'other',
  ]),
  url: short(2048),
  canonicalUrl: nullableUrl,
  discussedUrl: nullableUrl,
  title: short(MAX_TITLE_CHARS),
  description: short(MAX_DESCRIPTION_CHARS),
  lead: short(MAX_LEAD_CHARS),
  lang: v.nullable(short(40)),
  siteName: v.nullable(short(200)),
  publishedAt: v.nullable(short(64)),
});

const empty = v.strictObject({});

const payloadSchemas: { [T in BackgroundRequestType]: v.GenericSchema } = {
  matchPage: v.strictObject({ page: PageReadingSchema }),
  matchTab: v.strictObject({
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  }),
  search: v.strictObject({
    query: short(200),
    topic: v.optional(v.nullable(short(120))),
    community: v.optional(v.nullable(short(120))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  }),
  getStory: v.strictObject({ id: short(120) }),
  pageSettings: v.strictObject({ url: short(2048) }),
  rejectStory: v.strictObject({ url: short(2048), storyId: short(120) }),
  hideOnSite: v.strictObject({ url: short(2048) }),
  setPanelDocked: v.strictObject({ url: short(2048), docked: v.boolean() }),
  indexStatus: empty,
  syncNow: empty,
  useBundledIndex: empty,
};

/**
 * A reader script's reading may be raw (utils/page/finish.ts): its texts up to RAW_TEXT_FACTOR
 * times their finished length, which the background finishes after this check.
 */
const RawPageReadingSchema = v.strictObject({
  ...PageReadingSchema.entries,
  title: short(MAX_TITLE_CHARS * RAW_TEXT_FACTOR),
  description: short(MAX_DESCRIPTION_CHARS * RAW_TEXT_FACTOR),
  lead: short(MAX_LEAD_CHARS * RAW_TEXT_FACTOR),
  lang: v.nullable(short(20 * RAW_TEXT_FACTOR)),
  siteName: v.nullable(short(200 * RAW_TEXT_FACTOR)),
  publishedAt: v.nullable(short(64 * RAW_TEXT_FACTOR)),
});

const PageReportSchema = v.strictObject({
  reading: RawPageReadingSchema,
  quick: v.boolean(),
  uiLoaded: v.boolean(),
});

/** "prefix.path.to.field: what is wrong", naming `whole` when the value itself is wrong. */
function describeIssue(
  prefix: string,
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
  whole: string,
): string {
  const issue = issues[0];
  const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.');
  return `${prefix}.${path || whole}: ${issue.message}`;
}

/**
 * A reader script's result (read-quick.js, read-full.js), checked before the
 * background uses it: the page shapes what the script reads, and a script that
 * failed in the page gives no result at all.
 */
export function checkPageReport(
  value: unknown,
): { ok: true; report: PageReport } | { ok: false; error: string } {
  const parsed = v.safeParse(PageReportSchema, value);
  if (parsed.success) return { ok: true, report: parsed.output };
  return { ok: false, error: describeIssue('refused: page report', parsed.issues, 'result') };
}

/** The parts of runtime.MessageSender the gate looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type GateResult =
  { ok: true; message: BackgroundMessage } | { ok: false; error: string; ignore?: boolean };

/**
 * @param extensionId browser.runtime.id
 * @param extensionOrigin browser.runtime.getURL('/'), e.g. chrome-extension://<id>/
 */
export function checkBackgroundMessage(
  message: unknown,
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): GateResult {
  if (
    typeof message !== 'object' ||
    message === null ||
    (message as { to?: unknown }).to !== 'background'
  ) {
    // Not ours (another listener's message): stay silent.
    return { ok: false, error: 'not a background message', ignore: true };
  }
  if (sender.id !== extensionId) {
    return { ok: false, error: 'refused: the sender is not Crosstalk' };
  }
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  // Own keys only: 'toString' or '__proto__' are "in" every object, and are no request.
  if (typeof type !== 'string' || !Object.hasOwn(payloadSchemas, type)) {
    return { ok: false, error: `refused: unknown request type ${JSON.stringify(type)}` };
  }
  const requestType = type as BackgroundRequestType;
  // A content script's sender.url is the page's; an extension page's is ours.
  const fromExtensionPage =
    typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (!fromExtensionPage && !CONTENT_SCRIPT_REQUESTS.includes(requestType)) {
    return { ok: false, error: `refused: a content script may not ask for ${requestType}` };
  }
  const parsed = v.safeParse(payloadSchemas[requestType], payload);
  if (!parsed.success) {
    return { ok: false, error: describeIssue(`refused: ${requestType}`, parsed.issues, 'payload') };
  }
  let payloadOut = parsed.output as Record<string, unknown>;
  if (!fromExtensionPage && requestType === 'hideOnSite') {
    // "Hide on this site" hides the site the asking page is on. The sidebar names the page by
    // its canonical URL, which the page itself declares: a hostile page could otherwise point
    // it at another site (link rel=canonical href=https://www.nytimes.com/) and hide that one.
    if (typeof sender.url !== 'string' || !/^https?:/i.test(sender.url)) {
      return { ok: false, error: 'refused: hideOnSite from a page without an http(s) address' };
    }
    payloadOut = { ...payloadOut, url: sender.url };
  }
  return {
    ok: true,
    message: { to: 'background', type: requestType, payload: payloadOut } as BackgroundMessage,
  };
}
