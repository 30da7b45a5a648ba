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

/** Global (g) expressions, in alternation order; none may match the empty string. */
export function scanAll(
  expressions: readonly RegExp[],
  subject: string,
  onMatch: (index: number, start: number, text: string) => boolean | void,
): void {
  // The expressions that still match somewhere ahead, with their next match.
  const live: number[] = [];
  const starts: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < expressions.length; i++) {
    const re = expressions[i]!;
    re.lastIndex = 0;
    const m = re.exec(subject);
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
        const re = expressions[live[k]!]!;
        re.lastIndex = pos;
        const m = re.exec(subject);
        if (m === null) {
          live.splice(k, 1);
          starts.splice(k, 1);
          texts.splice(k, 1);
          k--;
          continue;
        }
        starts[k] = m.index;
        texts[k] = m[0];
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
