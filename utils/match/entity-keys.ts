/**
 * An entity as the matcher's decision rules use it: the terms a page must all
 * hold to name it. Model names count by their joined form, so "GPT-5" is met
 * by "GPT 5" and "gpt5" but not by "GPT-4".
 */
import type { FieldTerms } from './story-terms';

export interface EntityKey {
  name: string;
  terms: string[];
  /** For a versioned model name (gpt5, qwen3coder), its family's letters (gpt, qwen). */
  family: string | null;
  /** The terms joined: two names with the same terms ("GPT-5", "GPT 5") are one entity. */
  id: string;
  /** How many stories name this entity (by any name with the same id). */
  stories: number;
}

/**
 * The terms that name an entity (see entityKeyTerms), as a key; `stories` is
 * how many stories name it.
 */
export function makeEntityKey(name: string, terms: string[], stories: number): EntityKey {
  const versioned = terms.length === 1 && /\d/.test(terms[0] ?? '') ? (terms[0] as string) : null;
  const family = versioned ? (/^\p{L}+/u.exec(versioned)?.[0] ?? null) : null;
  return { name, terms, family, id: terms.join(' '), stories };
}

/**
 * The term ids that name text `k` of an entity field, into `out`: its joined
 * model-name form when it has one ("GPT-5" → gpt5; the longest, the first of
 * equals), otherwise all of its words, once each ("Lilian Weng" → lilian,
 * weng). Nothing for a text without terms.
 */
export function entityKeyTerms(
  field: FieldTerms,
  k: number,
  terms: readonly string[],
  hasDigit: DigitTermTable,
  out: number[],
): void {
  out.length = 0;
  const from = field.textStarts[k] as number;
  const to = field.textStarts[k + 1] as number;
  let joined = -1;
  for (let i = from; i < to; i++) {
    const t = field.ids[i] as number;
    if (
      hasDigit.has(t) &&
      (joined < 0 || (terms[t] as string).length > (terms[joined] as string).length)
    ) {
      joined = t;
    }
  }
  if (joined >= 0) {
    out.push(joined);
    return;
  }
  for (let i = from; i < to; i++) {
    const t = field.ids[i] as number;
    if (!out.includes(t)) out.push(t);
  }
}

/** Whether a term has a digit, worked out once per term id. */
export class DigitTermTable {
  /** 0: not yet known, 1: no digit, 2: a digit. */
  private readonly known: Uint8Array;

  constructor(private readonly terms: readonly string[]) {
    this.known = new Uint8Array(terms.length);
  }

  has(t: number): boolean {
    let value = this.known[t] as number;
    if (value === 0) {
      value = /\d/.test(this.terms[t] as string) ? 2 : 1;
      this.known[t] = value;
    }
    return value === 2;
  }
}
