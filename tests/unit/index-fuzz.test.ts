/**
 * Seeded fuzz of the index validator: mutated documents must never crash it,
 * and it must accept exactly those an independent statement of the rules
 * (index-oracle.ts) accepts. So nothing that breaks a rule gets in, and valid
 * edits (a < b in a title, an allowed length) are not refused.
 * Quick run here; `npm run fuzz` runs FUZZ_RUNS documents (FUZZ_SEED to vary).
 */
import { describe, expect, it } from 'vitest';
import { validateStoryIndex, validateStoryIndexDelta } from '../../utils/index/validate';
import { clone, makeDelta, makeIndex, makeStory } from './index-fixtures';
import { mutate, seededRng } from './index-fuzz';
import { oracleAcceptsDelta, oracleAcceptsIndex } from './index-oracle';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20250809);

function base() {
  const doc = makeIndex(6);
  doc.provenance!.method = 'Counted by the test fixture.';
  doc.provenance!.sources[0]!.from = '2025-08-01';
  doc.provenance!.sources[0]!.licence = 'CC0-1.0';
  doc.stories[2]!.reactions.push({
    ...clone(doc.stories[0]!.reactions[0]!),
    community: 'r-localllama',
  });
  return doc;
}

describe('validator fuzz', () => {
  it('the unmutated base document is valid for both', () => {
    expect(validateStoryIndex(base())).toMatchObject({ ok: true });
    expect(oracleAcceptsIndex(base())).toBe(true);
  });

  it(
    `${RUNS} mutated documents (seed ${SEED}): no crash, and the verdict matches the oracle`,
    () => {
      const rng = seededRng(SEED);
      const template = base();
      let accepted = 0;
      const disagreements: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        const doc: unknown = clone(template);
        const done = mutate(rng, doc);
        let ok: boolean;
        let error = '';
        try {
          const result = validateStoryIndex(doc);
          ok = result.ok;
          if (!result.ok) error = result.error;
        } catch (err) {
          throw new Error(`run ${run} (${done.join('; ')}): the validator threw ${String(err)}`);
        }
        const expected = oracleAcceptsIndex(doc);
        if (ok !== expected && disagreements.length < 10) {
          disagreements.push(
            `run ${run} [${done.join('; ')}]: validator ${ok ? 'accepted' : `refused (${error})`}, oracle ${expected ? 'accepts' : 'refuses'}`,
          );
        }
        if (!ok) expect(error).toMatch(/^\(?[\w[\].]*\)?: \S/);
        if (ok) accepted++;
      }
      expect(disagreements).toEqual([]);
      // Both sides of the line were explored.
      expect(accepted).toBeGreaterThan(RUNS * 0.05);
      expect(RUNS - accepted).toBeGreaterThan(RUNS * 0.5);
    },
    Math.max(60_000, RUNS * 30),
  );

  it('single always-breaking mutations are refused by validator and oracle alike', () => {
    const rng = seededRng(SEED + 1);
    const template = base();
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      const doc: unknown = clone(template);
      const [done] = mutate(rng, doc, 1);
      // These kinds break a rule wherever they land (a retyped value, a known
      // tag, a story list with a duplicated element, an unknown key).
      if (
        !done ||
        !/^(retype|extra key|duplicate in stories$|duplicate in communities$)/.test(done)
      )
        continue;
      checked++;
      expect(validateStoryIndex(doc).ok, done).toBe(false);
      expect(oracleAcceptsIndex(doc), done).toBe(false);
    }
    expect(checked).toBeGreaterThan(30);
  });

  it(
    `${Math.ceil(RUNS / 3)} mutated deltas: no crash, and the verdict matches the oracle`,
    () => {
      const rng = seededRng(SEED + 2);
      const index = base();
      const baseInfo = { ...index, storyIds: index.stories.map((s) => s.id) };
      const template = makeDelta(
        index,
        [{ ...clone(index.stories[3]!), title: 'Updated' }, makeStory('s-6', 6, ['s-5'])],
        ['s-0'],
      );
      template.topics = clone(index.topics);
      expect(validateStoryIndexDelta(template, baseInfo).ok).toBe(true);
      expect(oracleAcceptsDelta(template, baseInfo)).toBe(true);
      let accepted = 0;
      const disagreements: string[] = [];
      const runs = Math.ceil(RUNS / 3);
      for (let run = 0; run < runs; run++) {
        const doc: unknown = clone(template);
        const done = mutate(rng, doc);
        const result = validateStoryIndexDelta(doc, baseInfo);
        const expected = oracleAcceptsDelta(doc, baseInfo);
        if (result.ok !== expected && disagreements.length < 10) {
          disagreements.push(
            `run ${run} [${done.join('; ')}]: validator ${result.ok ? 'accepted' : `refused (${result.error})`}`,
          );
        }
        if (result.ok) accepted++;
      }
      expect(disagreements).toEqual([]);
      expect(accepted).toBeGreaterThan(runs * 0.05);
      expect(runs - accepted).toBeGreaterThan(runs * 0.5);
    },
    Math.max(60_000, RUNS * 10),
  );
});
