/**
 * Matching a list of small expressions as if they were one alternation of them all: the same
 * matches, found leftmost first, the earlier expression winning where several match at the same
 * place, the search going on from the end of each match. Each expression keeps its own next
 * match and searches again only when a match of another has passed it.
 *
 * This is what lets the classifier run only the parts of the lexicon whose anchors are in the
 * text (one large alternation costs milliseconds to compile on every fresh page), and with the
 * same results as the whole alternation: an alternative that cannot match anywhere in the text
 * changes nothing whether it is in the alternation or not.
 */
import { findLiteral } from './literals';

/**
 * Global (g) expressions, in alternation order; none may match the empty string. A string
 * stands for itself between word boundaries (literals.ts findLiteral).
 */
export function scanAll(
  expressions: readonly (RegExp | string)[],
  subject: string,
  onMatch: (index: number, start: number, text: string) => boolean | void,
  /** Where the strings are looked for: the subject, or its lower case of the same length. */
  literalSubject = subject,
): void {
  // The expressions that still match somewhere ahead, with their next match.
  const live: number[] = [];
  const starts: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < expressions.length; i++) {
    const e = expressions[i]!;
    if (typeof e === 'string') {
      const p = findLiteral(literalSubject, e, 0);
      if (p >= 0) {
        live.push(i);
        starts.push(p);
        texts.push(e);
      }
      continue;
    }
    e.lastIndex = 0;
    const m = e.exec(subject);
    if (m !== null) {
      live.push(i);
      starts.push(m.index);
      texts.push(m[0]);
    }
  }
  let pos = 0;
  while (live.length > 0) {
    let best = 0;
    for (let k = 0; k < live.length; k++) {
      if (starts[k]! < pos) {
        const e = expressions[live[k]!]!;
        let start = -1;
        if (typeof e === 'string') start = findLiteral(literalSubject, e, pos);
        else {
          e.lastIndex = pos;
          const m = e.exec(subject);
          if (m !== null) {
            start = m.index;
            texts[k] = m[0];
          }
        }
        if (start < 0) {
          live.splice(k, 1);
          starts.splice(k, 1);
          texts.splice(k, 1);
          k--;
          continue;
        }
        starts[k] = start;
      }
      // live is in alternation order: on a tie the earlier expression stays best.
      if (starts[k]! < starts[best]!) best = k;
    }
    if (best >= live.length) return;
    const start = starts[best]!;
    const text = texts[best]!;
    if (onMatch(live[best]!, start, text) === false) return;
    // An empty match would stop a real alternation's loop too; step over it instead of hanging.
    pos = start + Math.max(text.length, 1);
  }
}

/** The matches of one alternation with a capturing group per alternative: which one matched. */
export function scanCombined(
  re: RegExp,
  subject: string,
  onMatch: (index: number, start: number, text: string) => boolean | void,
): void {
  re.lastIndex = 0;
  for (let m = re.exec(subject); m !== null; m = re.exec(subject)) {
    let i = 1;
    while (i < m.length && m[i] === undefined) i++;
    if (onMatch(i - 1, m.index, m[0]) === false) return;
  }
}
