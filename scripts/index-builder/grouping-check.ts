/**
 * Measures the story grouping against the hand-checked sample in
 * grouping-check.json: how many sampled groups are pure, and how many
 * hand-identified events were split across groups.
 *
 *   npm run check:grouping -- --corpus ../shared/corpus
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { groupPosts } from './build';
import { corpusArg, corpusInputs } from './corpus-inputs';
import { DEFAULT_PINS } from './pins';
import { readSources } from './run';

export interface GroupingCheck {
  groups: {
    anchor: string;
    event: string;
    sampled?: boolean;
    members: Record<string, { same: boolean; why: string }>;
  }[];
  events: { event: string; posts: string[]; why: string }[];
}

export interface GroupingFigures {
  groupsChecked: number;
  groupsPure: number;
  impure: { event: string; wrong: string[] }[];
  eventsChecked: number;
  eventsSplit: number;
  splits: { event: string; groups: number }[];
  missing: string[];
}

/** `groupOf` maps a root post id to its group (posts not about AI are absent). */
export function measureGrouping(
  groupOf: ReadonlyMap<string, number>,
  check: GroupingCheck,
): GroupingFigures {
  const missing: string[] = [];
  const impure: GroupingFigures['impure'] = [];
  let groupsChecked = 0;
  for (const g of check.groups) {
    const home = groupOf.get(g.anchor);
    if (home === undefined) {
      missing.push(g.anchor);
      continue;
    }
    groupsChecked++;
    const wrong = Object.entries(g.members)
      .filter(([id, label]) => !label.same && groupOf.get(id) === home)
      .map(([id]) => id);
    if (wrong.length) impure.push({ event: g.event, wrong });
  }
  const splits: GroupingFigures['splits'] = [];
  let eventsChecked = 0;
  for (const e of check.events) {
    const homes = new Set<number>();
    for (const id of e.posts) {
      const h = groupOf.get(id);
      if (h === undefined) missing.push(id);
      else homes.add(h);
    }
    if (!homes.size) continue;
    eventsChecked++;
    if (homes.size > 1) splits.push({ event: e.event, groups: homes.size });
  }
  return {
    groupsChecked,
    groupsPure: groupsChecked - impure.length,
    impure,
    eventsChecked,
    eventsSplit: splits.length,
    splits,
    missing,
  };
}

export function loadGroupingCheck(): GroupingCheck {
  return JSON.parse(
    readFileSync(new URL('./grouping-check.json', import.meta.url), 'utf8'),
  ) as GroupingCheck;
}

function main(): void {
  const corpus = corpusArg(process.argv.slice(2));
  const { files } = readSources(corpusInputs(corpus));
  const grouped = groupPosts(
    files.flatMap((f) => f.posts),
    new Set(DEFAULT_PINS.map((p) => p.id)),
  );
  const groupOf = new Map<string, number>();
  for (const [key, g] of grouped.groups) for (const r of g.roots) groupOf.set(r.post.id, key);
  const f = measureGrouping(groupOf, loadGroupingCheck());
  console.log(
    `groups checked: ${f.groupsChecked}, pure: ${f.groupsPure} (${Math.round((100 * f.groupsPure) / Math.max(1, f.groupsChecked))}%)`,
  );
  for (const i of f.impure) console.log(`  impure: ${i.event}: ${i.wrong.join(', ')}`);
  console.log(`events checked: ${f.eventsChecked}, split: ${f.eventsSplit}`);
  for (const s of f.splits) console.log(`  split: ${s.event} → ${s.groups} groups`);
  if (f.missing.length)
    console.log(`posts not found or not classified as AI: ${f.missing.join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
