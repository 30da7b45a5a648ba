/**
 * The corpus files the default index is built from (paths under the corpus
 * root, see ../shared/corpus/SOURCES.md). Left out: the HN AI stories and
 * comments (no licence: nothing derived from them may ship), and the Bluesky
 * lexicons (schemas, no posts).
 */
import { join } from 'node:path';

export const DEFAULT_CORPUS = '../shared/corpus';

export const CORPUS_INPUTS = [
  'discourse/reddit-localllama',
  'discourse/hackernews-daily-stories',
  'discourse/arxiv-daily-cs-cv-cl-ai',
  'discourse/twitter-chatgpt-2023-04',
  'discourse/rss-feeds-ai',
  'discourse/api-samples/mastodon',
  'discourse/api-samples/arxiv',
];

export function corpusInputs(corpus: string): string[] {
  return CORPUS_INPUTS.map((p) => join(corpus, p));
}

/** `--corpus <dir>` from argv, else the default. */
export function corpusArg(argv: string[]): string {
  const i = argv.indexOf('--corpus');
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : DEFAULT_CORPUS;
}
