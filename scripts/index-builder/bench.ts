/**
 * Benchmark: build an index from N posts (default 100,000) of the real corpus
 * and measure the time and the peak memory. The mix is the heavy one: all of
 * r/LocalLLaMA with its comments (sentiment and quotes run on every comment),
 * then arXiv, then Hacker News stories, until N. When the corpus holds fewer
 * posts (or is absent, in which case the committed fixtures are used), real
 * posts are replicated under new ids and URLs.
 *
 *   const { ms, peakRssMb } = await benchIndexBuilder({ posts: 100_000, corpus: '../shared/corpus' });
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildValidated, readSources } from './run';
import { DEFAULT_CORPUS } from './corpus-inputs';
import { FIXTURES } from './fixtures';
import type { Post } from './types';

export interface BenchResult {
  /** Build time: classify, group, reactions, validate, serialise (not reading the files). */
  ms: number;
  /** CPU time (user + system) of the build: what the build costs when the machine is shared. */
  cpuMs: number;
  /** Reading and parsing the input files. */
  readMs: number;
  /** Peak resident memory of the process so far (getrusage maxrss). */
  peakRssMb: number;
  posts: number;
  stories: number;
  bytes: number;
  source: 'corpus' | 'fixtures';
}

function replicate(posts: Post[], n: number): Post[] {
  const out = posts.slice(0, n);
  for (let copy = 1; out.length < n; copy++) {
    for (const p of posts) {
      if (out.length >= n) break;
      const tag = (u: string) => `${u}${u.includes('?') ? '&' : '?'}copy=${copy}`;
      out.push({
        ...p,
        id: `${p.id}#${copy}`,
        url: tag(p.url),
        ...(p.threadUrl ? { threadUrl: tag(p.threadUrl) } : {}),
        ...(p.parentUrl ? { parentUrl: tag(p.parentUrl) } : {}),
      });
    }
  }
  return out;
}

export async function benchIndexBuilder(
  options: { posts?: number; corpus?: string } = {},
): Promise<BenchResult> {
  const n = options.posts ?? 100_000;
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  const discourse = join(corpus, 'discourse');
  const fromCorpus = existsSync(discourse);
  const inputs = fromCorpus
    ? [
        join(discourse, 'reddit-localllama/posts_with_comments.jsonl.gz'),
        join(discourse, 'arxiv-daily-cs-cv-cl-ai'),
        join(discourse, 'hackernews-daily-stories'),
      ]
    : [FIXTURES];
  const t0 = performance.now();
  const { files } = readSources(inputs);
  // Reddit first: whole threads, in file order.
  const ordered = [...files].sort(
    (a, b) => Number(b.path.includes('reddit')) - Number(a.path.includes('reddit')),
  );
  const posts = replicate(
    ordered.flatMap((f) => f.posts),
    n,
  );
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const { index, json } = buildValidated([{ path: 'bench', posts }], {});
  const cpu = process.cpuUsage(cpu0);
  const t2 = performance.now();
  await Promise.resolve();
  return {
    ms: Math.round(t2 - t1),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    readMs: Math.round(t1 - t0),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    posts: posts.length,
    stories: index.stories.length,
    bytes: Buffer.byteLength(json),
    source: fromCorpus ? 'corpus' : 'fixtures',
  };
}

export default benchIndexBuilder;
