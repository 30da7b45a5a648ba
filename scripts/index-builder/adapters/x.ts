/**
 * X (Twitter): a CSV written by rtweet (columns text, favoriteCount, created,
 * id, screenName, retweetCount, isRetweet, …). The file starts with a BOM and
 * marks missing values `#N/A`. Retweets are skipped: their text is another
 * account's post (cut at 140 characters), so counting them as posts would count
 * one voice many times; the original's retweetCount is kept as engagement.
 */
import { decodeEntities } from '../text';
import { nonNegativeInt, type InputError, type Post } from '../types';
import { parseCsv } from './csv';

export const X_COMMUNITY = 'x';
const REQUIRED = ['text', 'created', 'id', 'screenName', 'isRetweet'] as const;

/** rtweet's `4/27/2023 17:35:29` (UTC) → ISO 8601. */
export function isoFromRtweetDate(s: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(s.trim());
  if (m) {
    const [, mo, d, y, h, mi, se] = m;
    const t = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!);
    return new Date(t).toISOString().replace('.000Z', 'Z');
  }
  const iso = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(s.trim());
  return iso ? `${iso[1]}T${iso[2]}Z` : null;
}

export function looksLikeRtweetCsv(head: string): boolean {
  const first = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return REQUIRED.every((c) => first.split(',').includes(c));
}

export function parseRtweetCsv(
  input: string,
  source: string,
): { posts: Post[]; errors: InputError[] } {
  const records = parseCsv(input);
  const header = records[0]?.fields ?? [];
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const errors: InputError[] = [];
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length) {
    return {
      posts: [],
      errors: [{ file: source, line: 1, message: `missing column(s) ${missing.join(', ')}` }],
    };
  }
  const get = (r: string[], name: string) => {
    const v = r[col.get(name) ?? -1];
    return v === undefined || v === '#N/A' ? '' : v;
  };
  const posts: Post[] = [];
  for (const rec of records.slice(1)) {
    const r = rec.fields;
    if (r.length === 1 && r[0] === '') continue; // trailing blank line
    if (r.length !== header.length) {
      errors.push({
        file: source,
        line: rec.line,
        message: `has ${r.length} fields, the header has ${header.length}`,
      });
      continue;
    }
    if (get(r, 'isRetweet').toUpperCase() === 'TRUE') continue;
    const id = get(r, 'id');
    const postedAt = isoFromRtweetDate(get(r, 'created'));
    const user = get(r, 'screenName');
    if (!/^\d+$/.test(id) || !postedAt || !user) {
      errors.push({
        file: source,
        line: rec.line,
        message: 'has no valid id, created or screenName',
      });
      continue;
    }
    const replyTo = get(r, 'replyToSID');
    const replyUser = get(r, 'replyToSN');
    posts.push({
      id: `x:${id}`,
      community: X_COMMUNITY,
      platform: 'x',
      url: `https://x.com/${user}/status/${id}`,
      text: decodeEntities(get(r, 'text')),
      postedAt,
      score: nonNegativeInt(get(r, 'favoriteCount')) + nonNegativeInt(get(r, 'retweetCount')),
      comments: 0,
      ...(replyTo && replyUser
        ? { parentUrl: `https://x.com/${replyUser}/status/${replyTo}` }
        : {}),
      isComment: false,
      source,
    });
  }
  return { posts, errors };
}
