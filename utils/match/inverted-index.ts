/**
 * A BM25F inverted index held in typed arrays: term → the documents that hold
 * it, each with its BM25 term weight precomputed (the document side of BM25
 * does not depend on the query), so scoring a query is one pass over a few
 * posting lists, with no per-query allocation beyond the result.
 */

export interface FieldText {
  /** The field's terms, repeats kept. */
  terms: readonly string[];
  /** How much one occurrence in this field counts. */
  weight: number;
}

export interface Posting {
  docs: Int32Array;
  weights: Float32Array;
  idf: number;
}

export interface InvertedIndex {
  readonly size: number;
  readonly postings: ReadonlyMap<string, Posting>;
  /** Add `queryWeight × weight` of each term's postings into `scores`; returns docs touched. */
  accumulate(terms: Iterable<[string, number]>, scores: Float64Array, touched: Int32Array): number;
}

const K1 = 1.2;
const B = 0.75;

export function buildInvertedIndex(documents: readonly (readonly FieldText[])[]): InvertedIndex {
  const size = documents.length;
  // Pass 1: weighted term frequencies per document, document frequencies.
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const docTerms: Int32Array[] = new Array(size);
  const docTfs: Float32Array[] = new Array(size);
  const lengths = new Float64Array(size);
  let totalLength = 0;
  const local = new Map<number, number>();
  for (let d = 0; d < size; d++) {
    local.clear();
    let length = 0;
    for (const field of documents[d] ?? []) {
      for (const term of field.terms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = df.length;
          termIds.set(term, id);
          df.push(0);
        }
        local.set(id, (local.get(id) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    const ids = new Int32Array(local.size);
    const tfs = new Float32Array(local.size);
    let i = 0;
    for (const [id, tf] of local) {
      ids[i] = id;
      tfs[i] = tf;
      i++;
      df[id] = (df[id] ?? 0) + 1;
    }
    docTerms[d] = ids;
    docTfs[d] = tfs;
    lengths[d] = length;
    totalLength += length;
  }
  const averageLength = size > 0 ? totalLength / size : 1;

  // Pass 2: posting lists sized exactly, filled with precomputed BM25 weights.
  const termCount = df.length;
  const postingDocs: Int32Array[] = new Array(termCount);
  const postingWeights: Float32Array[] = new Array(termCount);
  const idfs = new Float64Array(termCount);
  const fill = new Int32Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const n = df[t] ?? 0;
    postingDocs[t] = new Int32Array(n);
    postingWeights[t] = new Float32Array(n);
    idfs[t] = Math.log(1 + (size - n + 0.5) / (n + 0.5));
  }
  for (let d = 0; d < size; d++) {
    const ids = docTerms[d] as Int32Array;
    const tfs = docTfs[d] as Float32Array;
    const norm = K1 * (1 - B + (B * (lengths[d] ?? 0)) / averageLength);
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i] as number;
      const tf = tfs[i] as number;
      const at = fill[t] as number;
      (postingDocs[t] as Int32Array)[at] = d;
      (postingWeights[t] as Float32Array)[at] = ((idfs[t] ?? 0) * tf * (K1 + 1)) / (tf + norm);
      fill[t] = at + 1;
    }
  }

  const postings = new Map<string, Posting>();
  for (const [term, t] of termIds) {
    postings.set(term, {
      docs: postingDocs[t] as Int32Array,
      weights: postingWeights[t] as Float32Array,
      idf: idfs[t] ?? 0,
    });
  }

  return {
    size,
    postings,
    accumulate(terms, scores, touched) {
      let count = 0;
      for (const [term, queryWeight] of terms) {
        const posting = postings.get(term);
        if (!posting) continue;
        const { docs, weights } = posting;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i] as number;
          if (scores[d] === 0) touched[count++] = d;
          scores[d] = (scores[d] as number) + queryWeight * (weights[i] as number);
        }
      }
      return count;
    },
  };
}
