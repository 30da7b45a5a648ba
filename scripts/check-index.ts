/**
 * Checks a built index against the corpus it was built from: it validates,
 * and every quote is found, whole, in its source post.
 *
 *   npm run check:index -- --corpus ../shared/corpus [--index public/story-index.json]
 */
import { readFileSync } from 'node:fs';
import { validateStoryIndex } from '../utils/index/validate';
import { corpusArg, corpusInputs } from './index-builder/corpus-inputs';
import { checkQuotes, textsByUrl } from './index-builder/quote-check';
import { readSources } from './index-builder/run';

function main(): number {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--index');
  const indexPath = at >= 0 && argv[at + 1] ? argv[at + 1]! : 'public/story-index.json';
  const valid = validateStoryIndex(JSON.parse(readFileSync(indexPath, 'utf8')));
  if (!valid.ok) {
    console.error(`${indexPath} does not validate: ${valid.error}`);
    return 1;
  }
  const { files } = readSources(corpusInputs(corpusArg(argv)));
  const result = checkQuotes(valid.value, textsByUrl(files.flatMap((f) => f.posts)));
  const total = valid.value.stories.reduce(
    (n, s) => n + s.reactions.reduce((m, r) => m + r.quotes.length, 0),
    0,
  );
  console.log(`${indexPath}: ${valid.value.stories.length} stories, ${total} quotes`);
  console.log(
    `quotes checked against their source post: ${result.checked}; source not found: ${result.unknownSource}; not found in source: ${result.failures.length}`,
  );
  for (const f of result.failures.slice(0, 20)) console.log(`  ${f.story}: ${f.url}: ${f.text}`);
  return result.failures.length || result.unknownSource ? 1 : 0;
}

process.exitCode = main();
