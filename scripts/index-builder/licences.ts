/** Licences of the corpus folders, as SOURCES.md states them, for the index's provenance. */
const LICENCES: [RegExp, string, string][] = [
  [
    /reddit-localllama/,
    'r/LocalLLaMA archive (maifeeulasad/LocalLLaMA)',
    'MIT (archive); posts under Reddit terms',
  ],
  [/hackernews-daily-stories/, 'HN daily stories (Turi-Labs/Newsletter-Editor-Agents)', 'MIT'],
  [/hackernews-ai-stories-comments/, 'HN AI stories (code-mj12/hn-ai-sentiment)', 'none given'],
  [
    /arxiv-daily/,
    'arXiv daily listings (dw-dengwei/daily-arXiv-ai-enhanced)',
    'Modified Apache (repo); abstracts under authors/arXiv licences',
  ],
  [/api-samples\/arxiv/, 'arXiv API Atom example (arXiv/arxiv-docs)', 'see arxiv-docs LICENSE'],
  [/api-samples\/mastodon/, 'Mastodon Status example (mastodon/documentation)', 'GNU FDL 1.3'],
  [/api-samples\/bluesky/, 'Bluesky lexicon (bluesky-social/atproto)', 'MIT OR Apache-2.0'],
  [
    /twitter-chatgpt/,
    'ChatGPT tweets 2023-04 (AlbertoMCD/ChatGPT_tweets)',
    'MIT (repo); tweets under X terms',
  ],
  [
    /rss-feeds-ai\/markitdown/,
    'Official Microsoft Blog RSS (microsoft/markitdown test file)',
    'MIT',
  ],
  [/rss-feeds-ai/, 'AI lab and news feeds (0xSMW/rss-feeds)', 'MIT'],
  [
    /tests\/fixtures\/discourse\/hand-built/,
    'hand-built to the documented format (this project)',
    'this project',
  ],
];

export function describeSource(path: string): { name: string; licence?: string } {
  for (const [re, name, licence] of LICENCES) if (re.test(path)) return { name, licence };
  return { name: path.split('/').pop() ?? path };
}

/** Paths in the index are relative to the corpus root when they are in one (no machine paths). */
export function displayPath(path: string): string {
  const norm = path.replace(/\\/g, '/');
  const at = norm.lastIndexOf('/corpus/');
  if (at >= 0) return norm.slice(at + '/corpus/'.length);
  const fx = norm.indexOf('tests/fixtures/');
  if (fx >= 0) return norm.slice(fx);
  return norm.replace(/^(\.\.\/)+/, '');
}
