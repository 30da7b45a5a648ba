/**
 * Runs the index builder's benchmark in a process of its own, so its peak RSS is the build's and
 * not whatever the benchmark runner held before (the matcher benchmark keeps 100,000 stories).
 * Prints one JSON line: the builder's result and the RSS before the build started.
 *   node --import tsx bench/builder-child.ts <posts> <corpus>
 */
import { benchIndexBuilder } from '../scripts/index-builder/bench';

const posts = Number(process.argv[2] ?? 100_000);
const corpus = process.argv[3] ?? '../shared/corpus';
const rssBeforeMb = Math.round(process.memoryUsage().rss / 1048576);
const result = await benchIndexBuilder({ posts, corpus });
console.log(JSON.stringify({ ...result, rssBeforeMb }));
