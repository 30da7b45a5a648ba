/**
 * A sorted list of index terms that answers "which terms start with this" and
 * "which terms are within k edits of this" without a trie: prefix ranges are
 * two binary searches, and the edit-distance walk reuses the dynamic-programming
 * rows of the prefix a term shares with the one before it, skipping every term
 * under a prefix that is already too far (a Levenshtein walk over an implicit trie).
 */

export class Vocabulary {
  readonly terms: readonly string[];

  constructor(terms: Iterable<string>) {
    this.terms = [...new Set(terms)].sort();
  }

  /** Terms that start with `prefix` (the prefix itself included when it is a term). */
  withPrefix(prefix: string): string[] {
    const from = this.lowerBound(prefix);
    const to = this.lowerBound(`${prefix}\uffff`);
    return this.terms.slice(from, to);
  }

  /** Terms within `maxDistance` edits (Levenshtein) of `word`, with their distance. */
  near(word: string, maxDistance: number): { term: string; distance: number }[] {
    const out: { term: string; distance: number }[] = [];
    const m = word.length;
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    let previous = '';
    let i = 0;
    const terms = this.terms;
    while (i < terms.length) {
      const term = terms[i] as string;
      let depth = commonPrefixLength(previous, term, rows.length - 1);
      rows.length = depth + 1;
      let tooFarAt = -1;
      for (; depth < term.length; depth++) {
        const row = nextRow(rows[depth] as Int32Array, term.charCodeAt(depth), word);
        rows.push(row);
        if (rowMinimum(row) > maxDistance) {
          tooFarAt = depth + 1;
          break;
        }
      }
      previous = term;
      if (tooFarAt >= 0) {
        // Every term under this prefix is at least as far: jump past them all.
        i = this.lowerBound(`${term.slice(0, tooFarAt)}\uffff`);
        continue;
      }
      const distance = (rows[term.length] as Int32Array)[m] as number;
      if (distance <= maxDistance) out.push({ term, distance });
      i++;
    }
    return out;
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] as string) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function commonPrefixLength(a: string, b: string, limit: number): number {
  const max = Math.min(a.length, b.length, limit);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function nextRow(previous: Int32Array, char: number, word: string): Int32Array {
  const row = new Int32Array(previous.length);
  row[0] = (previous[0] as number) + 1;
  for (let j = 1; j < previous.length; j++) {
    const substitute = (previous[j - 1] as number) + (word.charCodeAt(j - 1) === char ? 0 : 1);
    const insert = (row[j - 1] as number) + 1;
    const remove = (previous[j] as number) + 1;
    row[j] = Math.min(substitute, insert, remove);
  }
  return row;
}

function rowMinimum(row: Int32Array): number {
  let min = Infinity;
  for (let j = 0; j < row.length; j++) if ((row[j] as number) < min) min = row[j] as number;
  return min;
}
