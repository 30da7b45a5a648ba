/**
 * tokenize, straight into term ids, for the stories' texts at a service-worker
 * restart. A story's words are mostly words other stories have already used,
 * so each distinct word (a run of letters and digits with its inner joiners,
 * as the text has it) is worked out once: its terms, each interned, and where
 * a version-join with the word before it would go. A word met again is found
 * by hashing its characters where it stands in the text, without cutting it
 * out as a string of its own (cutting each word out and looking it up in a Map
 * measured twice the time of scanning the whole text), and gives its ids at
 * once. A join ("GPT 5" → gpt5) is worked out once per pair of words.
 *
 * The ids come out in the order of tokenize's terms, and each term is
 * interned when tokenize would first give it, so the ids are the ones
 * interning tokenize's terms one by one gives.
 */
import { IntList } from './int-list';
import {
  canPrecedeVersion,
  emitAlone,
  emitJoinedAlone,
  foldText,
  isVersionLike,
  joinVersion,
  WordScanner,
} from './tokenize';

/** Tokenises `text` and pushes its term ids onto `out`. */
export type IdTokenizer = (text: string, out: IntList) => void;

const OPTIONS = {};

export function createIdTokenizer(intern: (term: string) => number): IdTokenizer {
  const table = new WordTable();
  const terms: string[] = [];
  /** The terms after the join of the word being added. */
  const pending: string[] = [];
  // Word w's ids are ids[from[w] .. to[w]); a join goes before ids[joinAt[w]].
  const ids = new IntList();
  const from = new IntList();
  const joinAt = new IntList();
  const to = new IntList();
  /** The word a join uses, or null when it is no version (no join possible). */
  const joinWords: (string | null)[] = [];
  /** What counts as the word before the next one (undefined: the one before this word). */
  const lasts: (string | null | undefined)[] = [];
  /** Whether lasts[w] may have a version joined to it. */
  const precedes: boolean[] = [];
  /** A join's id per pair of words (-1: they do not join), keyed by the first word. */
  const joins: (Map<number, number> | undefined)[] = [];

  function add(
    text: string,
    start: number,
    end: number,
    joined: boolean,
    hasApostrophe: boolean,
  ): void {
    const word = text.slice(start, end);
    terms.length = 0;
    let joinWord: string | null;
    let last: string | null | undefined;
    let at: number;
    if (joined) {
      const slot = emitJoinedAlone(word, hasApostrophe, terms, OPTIONS);
      at = slot.joinAt;
      joinWord = slot.joinWord;
      last = slot.last;
    } else {
      emitAlone(word, terms, OPTIONS);
      at = terms.length;
      joinWord = word;
      last = word;
    }
    // The terms after the join are interned after it, as tokenize gives them (see finishAdd).
    from.push(ids.length);
    for (let k = 0; k < at; k++) ids.push(intern(terms[k] as string));
    joinAt.push(ids.length);
    pending.length = 0;
    for (let k = at; k < terms.length; k++) pending.push(terms[k] as string);
    joinWords.push(isVersionLike(joinWord) ? joinWord : null);
    lasts.push(last);
    precedes.push(typeof last === 'string' && last !== '' && canPrecedeVersion(last));
    table.add(text, start, end);
  }

  function finishAdd(): void {
    for (let k = 0; k < pending.length; k++) ids.push(intern(pending[k] as string));
    to.push(ids.length);
  }

  function joinId(before: number, w: number): number {
    let byWord = joins[before];
    if (!byWord) joins[before] = byWord = new Map();
    let id = byWord.get(w);
    if (id === undefined) {
      terms.length = 0;
      joinVersion(lasts[before] as string, joinWords[w] as string, terms);
      id = terms.length > 0 ? intern(terms[0] as string) : -1;
      byWord.set(w, id);
    }
    return id;
  }

  return (text, out) => {
    const folded = foldText(text);
    const scanner = new WordScanner(folded);
    // The word whose `last` is the word before (-1: none).
    let before = -1;
    while (scanner.next()) {
      const { start, end } = scanner;
      let w = table.find(folded, start, end);
      const added = w < 0;
      if (added) {
        add(folded, start, end, scanner.joined, scanner.hasApostrophe);
        w = table.size - 1;
      }
      const at = joinAt.data[w] as number;
      for (let k = from.data[w] as number; k < at; k++) out.push(ids.data[k] as number);
      if (before >= 0 && joinWords[w] !== null && precedes[before]) {
        const id = joinId(before, w);
        if (id >= 0) out.push(id);
      }
      // After the join: finishing the word may have grown `ids`.
      if (added) finishAdd();
      const data = ids.data;
      const end2 = to.data[w] as number;
      for (let k = at; k < end2; k++) out.push(data[k] as number);
      const last = lasts[w];
      if (last !== undefined) before = last === null ? -1 : w;
    }
  };
}

/**
 * The distinct words met so far, found by their characters in a text:
 * open addressing with linear probing over an FNV-1a hash, kept at most half
 * full. Each word's characters are kept in one flat array: comparing with a
 * string cut from a text (often a slice of a longer string) measured twice as slow.
 */
class WordTable {
  size = 0;
  private hashes = new IntList();
  /** Word w is chars[ends[w - 1] .. ends[w]) (ends[-1] is 0). */
  private chars = new Uint16Array(1 << 16);
  private ends = new IntList();
  /** Slot → word index + 1 (0: empty). */
  private slots = new Int32Array(4096);

  /** The index of the word text[start, end), or -1. */
  find(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = (slots[slot] as number) - 1;
      if (found < 0) return -1;
      if (this.hashes.data[found] === hash && this.equalsAt(found, text, start, end)) return found;
    }
  }

  /** Adds the word text[start, end) (not in the table); its index is the size before. */
  add(text: string, start: number, end: number): void {
    const from = this.size === 0 ? 0 : (this.ends.data[this.size - 1] as number);
    const length = end - start;
    if (from + length > this.chars.length) {
      const bigger = new Uint16Array(Math.max(this.chars.length * 2, from + length));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    for (let i = 0; i < length; i++) this.chars[from + i] = text.charCodeAt(start + i);
    this.ends.push(from + length);
    this.hashes.push(hashOf(text, start, end));
    this.size++;
    if (this.size * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let w = 0; w < this.size; w++) this.place(w);
    } else {
      this.place(this.size - 1);
    }
  }

  private equalsAt(w: number, text: string, start: number, end: number): boolean {
    const from = w === 0 ? 0 : (this.ends.data[w - 1] as number);
    if ((this.ends.data[w] as number) - from !== end - start) return false;
    const chars = this.chars;
    for (let i = start; i < end; i++) {
      if (chars[from + i - start] !== text.charCodeAt(i)) return false;
    }
    return true;
  }

  private place(w: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = (this.hashes.data[w] as number) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = w + 1;
  }
}

function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
