/**
 * npm run --silent detect
 *
 * Reads JSON lines on stdin, each {"file": "page.html[.gz]", "url": "…"} or
 * {"title": "…", "text": "…", "url": "…"}, and writes one JSON line per input,
 * in order: {"ai", "score", "topics", "kind", "title", "story"}. Files go
 * through the same readPage code as the page readers (on a linkedom
 * Document); text inputs become a page reading directly. A bad line gets
 * {"error": "…"} on its own line; the run goes on.
 *
 * Options: --index <story-index.json> (default public/story-index.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { validateStoryIndex } from '../utils/index/validate';
import { createMatcher, type Matcher } from '../utils/match/matcher';
import { readPage } from '../utils/page/read';
import {
  MAX_LEAD_CHARS,
  MAX_TITLE_CHARS,
  type PageKind,
  type PageReading,
} from '../utils/page/types';
import { classifyPage } from '../utils/topic/page';
import { parseDocument, readHtmlFile } from './eval/load-page';

interface Output {
  ai: boolean;
  score: number;
  topics: string[];
  kind: PageKind;
  title: string;
  story: { id: string; title: string; confidence: string } | null;
}

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

function loadMatcher(): { matcher: Matcher; titles: Map<string, string> } | null {
  const path = arg('--index') ?? 'public/story-index.json';
  if (!existsSync(path)) {
    process.stderr.write(`detect: no story index at ${path}; "story" will be null\n`);
    return null;
  }
  const result = validateStoryIndex(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) {
    process.stderr.write(
      `detect: ${path} is not a valid story index (${result.error}); "story" will be null\n`,
    );
    return null;
  }
  const stories = result.value.stories;
  return { matcher: createMatcher(stories), titles: new Map(stories.map((s) => [s.id, s.title])) };
}

/** What a URL alone says about the kind of page, for text inputs. */
export function kindFromUrl(url: string | null): PageKind {
  if (!url) return 'article';
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '');
    if (host === 'news.ycombinator.com') return 'hn';
    if (/(?:^|\.)reddit\.com$/.test(host)) return 'reddit';
    if (host === 'arxiv.org') return 'arxiv';
    if (host === 'bsky.app') return 'bluesky';
    if (host === 'x.com' || host === 'twitter.com') return 'x';
    if (host === 'lobste.rs') return 'lobsters';
    if (/^\/@[^/]+\/\d+$/.test(u.pathname)) return 'mastodon';
    return 'article';
  } catch {
    return 'article';
  }
}

function textReading(input: { title?: unknown; text?: unknown; url?: unknown }): PageReading {
  const url = typeof input.url === 'string' && input.url ? input.url : null;
  const title = typeof input.title === 'string' ? input.title : '';
  const text = typeof input.text === 'string' ? input.text : '';
  return {
    kind: kindFromUrl(url),
    url: url ?? '',
    canonicalUrl: null,
    discussedUrl: null,
    title: title.slice(0, MAX_TITLE_CHARS),
    description: '',
    lead: text.slice(0, MAX_LEAD_CHARS),
    lang: null,
    siteName: null,
    publishedAt: null,
  };
}

async function handle(line: string, index: ReturnType<typeof loadMatcher>): Promise<Output> {
  const input: unknown = JSON.parse(line);
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new Error('each line must be a JSON object');
  const obj = input as Record<string, unknown>;
  let page: PageReading;
  if (typeof obj.file === 'string') {
    const html = await readHtmlFile(obj.file);
    const url = typeof obj.url === 'string' && obj.url ? obj.url : `file://${obj.file}`;
    page = readPage(parseDocument(html), url);
  } else if (typeof obj.title === 'string' || typeof obj.text === 'string') {
    page = textReading(obj);
  } else {
    throw new Error('expected "file" or "title"/"text"');
  }
  const c = classifyPage(page);
  const found = index?.matcher.match(page, c) ?? null;
  return {
    ai: c.ai,
    score: c.score,
    topics: c.topics,
    kind: page.kind,
    title: page.title,
    story: found
      ? {
          id: found.storyId,
          title: index?.titles.get(found.storyId) ?? '',
          confidence: found.confidence,
        }
      : null,
  };
}

async function main(): Promise<void> {
  const index = loadMatcher();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let out: string;
    try {
      out = JSON.stringify(await handle(line, index));
    } catch (e) {
      out = JSON.stringify({ error: e instanceof Error ? e.message : String(e) });
    }
    process.stdout.write(`${out}\n`);
  }
}

if (process.argv[1] && /detect\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`detect: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
