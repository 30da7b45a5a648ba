/**
 * Reads one input file, recognises its format from its content, and hands it
 * to the right adapter. A bad file or line becomes an InputError naming the
 * file and line; it never stops the other files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  parseArxivAtom,
  arxivPostFromListingRow,
  looksLikeArxivAtom,
  looksLikeArxivRow,
} from './adapters/arxiv';
import { looksLikeBluesky, parseBluesky } from './adapters/bluesky';
import { looksLikeFeed, parseFeed } from './adapters/feeds';
import {
  hnPostFromStoryRow,
  looksLikeHnAlgolia,
  looksLikeHnStoryRow,
  parseHnAlgolia,
} from './adapters/hackernews';
import { looksLikeMastodon, parseMastodon } from './adapters/mastodon';
import {
  looksLikeRedditListing,
  looksLikeRedditRow,
  looksLikeRedditThread,
  parseRedditListing,
  parseRedditPostWithComments,
  parseRedditThread,
} from './adapters/reddit';
import { looksLikeRtweetCsv, parseRtweetCsv } from './adapters/x';
import type { AdapterResult, InputError, Post } from './types';

type Json = Record<string, unknown>;
const INPUT_NAME = /\.(json|jsonl|csv|xml|atom|rss)(\.gz)?$/i;

/** Files under the given paths (folders walked recursively), sorted so runs are deterministic. */
export function listInputFiles(
  paths: string[],
  onError: (e: InputError) => void = () => {},
): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      onError({
        file: p,
        message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (INPUT_NAME.test(p) && !/(^|\/)index\.jsonl$/.test(p)) out.push(p);
  };
  for (const p of paths) walk(p);
  return [...new Set(out)].sort();
}

export function readText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function jsonError(text: string, file: string, err: unknown): InputError {
  const message = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(message);
  const line = pos ? lineAt(text, Number(pos[1])) : undefined;
  return { file, ...(line ? { line } : {}), message: `is not valid JSON (${message})` };
}

function parseJsonl(text: string, file: string): AdapterResult {
  const posts: Post[] = [];
  const errors: InputError[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    let row: Json;
    try {
      row = JSON.parse(raw) as Json;
    } catch (err) {
      errors.push({ file, line: i + 1, message: `is not valid JSON (${(err as Error).message})` });
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      errors.push({ file, line: i + 1, message: 'is not a JSON object' });
      continue;
    }
    let got: Post[] | null = null;
    if (looksLikeRedditRow(row)) got = parseRedditPostWithComments(row, file);
    else if (looksLikeHnStoryRow(row))
      got = [hnPostFromStoryRow(row, file)].filter((p): p is Post => !!p);
    else if (looksLikeArxivRow(row))
      got = [arxivPostFromListingRow(row, file)].filter((p): p is Post => !!p);
    if (!got || got.length === 0) {
      errors.push({
        file,
        line: i + 1,
        message: 'is not a Reddit post, HN story or arXiv listing row this builder reads',
      });
      continue;
    }
    for (const p of got) posts.push(p);
  }
  return { posts, errors };
}

function parseJsonDocument(text: string, file: string): AdapterResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { posts: [], errors: [jsonError(text, file, err)] };
  }
  if (looksLikeRedditThread(doc)) return { posts: parseRedditThread(doc, file), errors: [] };
  if (looksLikeRedditListing(doc)) return { posts: parseRedditListing(doc, file), errors: [] };
  if (looksLikeHnAlgolia(doc)) return { posts: parseHnAlgolia(doc, file), errors: [] };
  if (looksLikeBluesky(doc)) return { posts: parseBluesky(doc, file), errors: [] };
  if (looksLikeMastodon(doc)) return { posts: parseMastodon(doc, file), errors: [] };
  return {
    posts: [],
    errors: [
      {
        file,
        message:
          'is JSON in a shape this builder does not read (Reddit, HN Algolia, Bluesky, Mastodon)',
      },
    ],
  };
}

export function readInputFile(file: string): AdapterResult {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    return { posts: [], errors: [{ file, message: `cannot be read (${(err as Error).message})` }] };
  }
  const name = file.replace(/\.gz$/i, '').toLowerCase();
  if (name.endsWith('.jsonl')) return parseJsonl(text, file);
  if (name.endsWith('.json')) return parseJsonDocument(text, file);
  if (name.endsWith('.csv')) {
    if (!looksLikeRtweetCsv(text)) {
      return {
        posts: [],
        errors: [
          {
            file,
            line: 1,
            message:
              'is a CSV without the rtweet columns (text, created, id, screenName, isRetweet)',
          },
        ],
      };
    }
    return parseRtweetCsv(text, file);
  }
  if (looksLikeArxivAtom(text)) return { posts: parseArxivAtom(text, file), errors: [] };
  if (looksLikeFeed(text)) return { posts: parseFeed(text, file), errors: [] };
  return { posts: [], errors: [{ file, line: 1, message: 'is XML but neither RSS nor Atom' }] };
}
