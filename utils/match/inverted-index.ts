/**
 * A BM25F inverted index held in a few flat typed arrays: term → the documents
 * that hold it, each with its BM25 term weight precomputed (the document side
 * of BM25 does not depend on the query), so scoring a query is one pass over a
 * few posting ranges. Flat arrays rather than one array per term keep the
 * rebuild after a service-worker restart cheap (few allocations, little GC).
 */

export interface FieldText {
  /** The field's terms, repeats kept. */
  terms: readonly string[];
  /** How much one occurrence in this field counts. */
  weight: number;
}

export interface InvertedIndex {
  readonly size: number;
  /** Term → its id; ids index `offsets` and `idf`. */
  readonly termIds: ReadonlyMap<string, number>;
  /** Id → term. */
  readonly terms: readonly string[];
  /** Postings of term t are docs[offsets[t] .. offsets[t + 1]), in document order. */
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float32Array;
  readonly idf: Float64Array;
  /** Add `queryWeight × weight` of each term's postings into `scores`; returns docs touched. */
  accumulate(terms: Iterable<[number, number]>, scores: Float64Array, touched: Int32Array): number;
  /** Whether document `doc` holds term `t` (binary search in its postings). */
  holds(t: number, doc: number): boolean;
}

const K1 = 1.2;
const B = 0.75;

export function buildInvertedIndex(documents: readonly (readonly FieldText[])[]): InvertedIndex {
  const size = documents.length;
  // Pass 1: each document's distinct term ids and weighted frequencies, flat.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const scratch: number[] = [];
  const seen: number[] = [];
  const flatTerms: number[] = [];
  const flatTfs: number[] = [];
  const docStart = new Int32Array(size + 1);
  const lengths = new Float64Array(size);
  let totalLength = 0;
  for (let d = 0; d < size; d++) {
    seen.length = 0;
    let length = 0;
    for (const field of documents[d] ?? []) {
      const weight = field.weight;
      for (const term of field.terms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = df.length;
          termIds.set(term, id);
          terms.push(term);
          df.push(0);
          scratch.push(0);
        }
        if (scratch[id] === 0) seen.push(id);
        scratch[id] = (scratch[id] as number) + weight;
        length += weight;
      }
    }
    docStart[d] = flatTerms.length;
    for (const id of seen) {
      flatTerms.push(id);
      flatTfs.push(scratch[id] as number);
      df[id] = (df[id] as number) + 1;
      scratch[id] = 0;
    }
    lengths[d] = length;
    totalLength += length;
  }
  docStart[size] = flatTerms.length;
  const averageLength = size > 0 ? totalLength / size : 1;

  // Pass 2: postings grouped by term, in document order, with BM25 weights.
  const termCount = df.length;
  const offsets = new Int32Array(termCount + 1);
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const n = df[t] as number;
    offsets[t + 1] = (offsets[t] as number) + n;
    idf[t] = Math.log(1 + (size - n + 0.5) / (n + 0.5));
  }
  const docs = new Int32Array(flatTerms.length);
  const weights = new Float32Array(flatTerms.length);
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

  return {
    size,
    termIds,
    terms,
    offsets,
    docs,
    weights,
    idf,
    accumulate(terms, scores, touched) {
      let count = 0;
      for (const [t, queryWeight] of terms) {
        const end = offsets[t + 1] as number;
        for (let i = offsets[t] as number; i < end; i++) {
          const d = docs[i] as number;
          if (scores[d] === 0) touched[count++] = d;
          scores[d] = (scores[d] as number) + queryWeight * (weights[i] as number);
        }
      }
      return count;
    },
    holds(t, doc) {
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
