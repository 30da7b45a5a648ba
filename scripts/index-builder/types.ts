/**
 * The one shape every source format is turned into. Grouping, reactions and
 * quotes only ever see Posts, so a new source needs only a new adapter.
 */
import type { Platform } from '../../utils/index/schema';

export interface Post {
  /** Unique across sources: `<platform>:<native id>`. */
  id: string;
  community: string;
  platform: Platform;
  /** The post's own page (discussion URL, comment permalink, abs page…). */
  url: string;
  title?: string;
  /** Plain text: entities decoded, markup removed by the adapter. */
  text: string;
  /** ISO 8601, UTC. */
  postedAt: string;
  /** Points, upvotes, likes: whatever the platform counts. Never below 0. */
  score: number;
  /** Comment/reply count the platform reports for this post. */
  comments: number;
  /** For a comment: the post or comment it answers. */
  parentUrl?: string;
  /** For a comment: the thread (root post) it belongs to. */
  threadUrl?: string;
  /** For a link post: the page it links to. */
  linkUrl?: string;
  isComment: boolean;
  lang?: string | null;
  /** The input file (as given), for provenance and error messages. */
  source: string;
}

export interface InputError {
  file: string;
  /** 1-based line, when the fault has one. */
  line?: number;
  message: string;
}

export interface AdapterResult {
  posts: Post[];
  errors: InputError[];
}

export function formatInputError(e: InputError): string {
  return e.line ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`;
}

/** Unix seconds → ISO 8601 UTC without milliseconds (stable across runs). */
export function isoFromUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function isoFromDate(value: string): string | null {
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

export function nonNegativeInt(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}
