/**
 * A BM25F inverted index held in a few flat typed arrays: term → the documents
 * that hold it, each with its BM25 term weight precomputed (the document side
 * of BM25 does not depend on the query), so scoring a query is one pass over a
 * few posting ranges. Flat arrays rather than one array per term keep the
 * rebuild after a service-worker restart cheap (few allocations, little GC).
 */

import type { StoryField, StoryTerms } from './story-terms';

/** How much one occurrence in each field counts; fields left out are not indexed. */
export type FieldWeights = Partial<Record<StoryField, number>>;

export interface InvertedIndex {
  readonly size: number;
  /** Term → its id; ids index `offsets` and `idf` (shared by every index of the same StoryTerms). */
  readonly termIds: ReadonlyMap<string, number>;
  /** Id → term. */
  readonly terms: readonly string[];
  /** Postings of term t are docs[offsets[t] .. offsets[t + 1]), in document order. */
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float32Array;
  readonly idf: Float64Array;
  /** How many documents hold term t in the indexed fields (0: only in other fields). */
  df(t: number): number;
  /**
   * Adds `queryWeights[k] × weight` of the postings of each term `terms[k]`
   * (k < count) into `scores`; returns how many docs it touched, listed in `touched`.
   */
  accumulate(
    terms: ArrayLike<number>,
    queryWeights: ArrayLike<number>,
    count: number,
    scores: Float64Array,
    touched: Int32Array,
  ): number;
  /** Whether document `doc` holds term `t` (binary search in its postings). */
  holds(t: number, doc: number): boolean;
}

const K1 = 1.2;
const B = 0.75;

export function buildInvertedIndex(corpus: StoryTerms, fieldWeights: FieldWeights): InvertedIndex {
  const size = corpus.size;
  const fields = (Object.entries(fieldWeights) as [StoryField, number][]).map(
    ([field, weight]) => ({ ...corpus.field(field), weight }),
  );
  // After the fields are tokenised: the vocabulary may have grown.
  const termCount = corpus.terms.length;
  let capacity = 0;
  for (const field of fields) capacity += field.ids.length;

  // Pass 1: each document's distinct term ids and weighted frequencies, flat.
  const df = new Int32Array(termCount);
  const scratch = new Float64Array(termCount);
  const seen = new Int32Array(termCount);
  const flatTerms = new Int32Array(capacity);
  const flatTfs = new Float64Array(capacity);
  const docStart = new Int32Array(size + 1);
  const lengths = new Float64Array(size);
  let flat = 0;
  let totalLength = 0;
  for (let d = 0; d < size; d++) {
    let seenCount = 0;
    let length = 0;
    for (const field of fields) {
      const { ids, starts, weight } = field;
      const end = starts[d + 1] as number;
      for (let i = starts[d] as number; i < end; i++) {
        const id = ids[i] as number;
        if (scratch[id] === 0) seen[seenCount++] = id;
        scratch[id] = (scratch[id] as number) + weight;
        length += weight;
      }
    }
    docStart[d] = flat;
    for (let k = 0; k < seenCount; k++) {
      const id = seen[k] as number;
      flatTerms[flat] = id;
      flatTfs[flat] = scratch[id] as number;
      flat++;
      df[id] = (df[id] as number) + 1;
      scratch[id] = 0;
    }
    lengths[d] = length;
    totalLength += length;
  }
  docStart[size] = flat;
  const averageLength = size > 0 && totalLength > 0 ? totalLength / size : 1;

  // Pass 2: postings grouped by term, in document order, with BM25 weights.
  const offsets = new Int32Array(termCount + 1);
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const n = df[t] as number;
    offsets[t + 1] = (offsets[t] as number) + n;
    idf[t] = Math.log(1 + (size - n + 0.5) / (n + 0.5));
  }
  const docs = new Int32Array(flat);
  const weights = new Float32Array(flat);
  const fill = offsets.slice(0, termCount);
  for (let d = 0; d < size; d++) {
    const norm = K1 * (1 - B + (B * (lengths[d] as number)) / averageLength);
    for (let i = docStart[d] as number; i < (docStart[d + 1] as number); i++) {
      const t = flatTerms[i] as number;
      const tf = flatTfs[i] as number;
      const at = fill[t] as number;
      docs[at] = d;
      weights[at] = ((idf[t] as number) * tf * (K1 + 1)) / (tf + norm);
      fill[t] = at + 1;
    }
  }
  const termIds = corpus.termIds;
  const terms = corpus.terms;

  return {
    size,
    termIds,
    terms,
    offsets,
    docs,
    weights,
    idf,
    // A term interned after this index was built (another index's field) is in no document here.
    df: (t) => (t < termCount ? (offsets[t + 1] as number) - (offsets[t] as number) : 0),
    accumulate(terms, queryWeights, count, scores, touched) {
      let reached = 0;
      for (let k = 0; k < count; k++) {
        const t = terms[k] as number;
        const queryWeight = queryWeights[k] as number;
        const end = offsets[t + 1] as number;
        for (let i = offsets[t] as number; i < end; i++) {
          const d = docs[i] as number;
          if (scores[d] === 0) touched[reached++] = d;
          scores[d] = (scores[d] as number) + queryWeight * (weights[i] as number);
        }
      }
      return reached;
    },
    holds(t, doc) {
      if (t >= termCount) return false;
      let lo = offsets[t] as number;
      let hi = (offsets[t + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const value = docs[mid] as number;
        if (value === doc) return true;
        if (value < doc) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}
