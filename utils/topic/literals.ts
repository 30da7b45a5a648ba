/**
 * Finding a string between word boundaries with indexOf: how the lexicon alternatives that match
 * a few strings (finite-forms.ts) are found, without a compiled expression.
 */

/** Whether a UTF-16 code unit is in anchors.ts's WORD_CHAR_CLASS. */
export function isWordCode(c: number): boolean {
  if (c < 0x80)
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122);
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x24f) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x52f) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x1f00 && c <= 0x1fff)
  );
}

/**
 * Where `literal` next occurs in `subject` from `from` on, with no word character on either
 * side: what `(?<!W)(?:literal)(?!W)` with the g flag and lastIndex = from finds. -1: nowhere.
 */
export function findLiteral(subject: string, literal: string, from: number): number {
  for (let p = subject.indexOf(literal, from); p >= 0; p = subject.indexOf(literal, p + 1)) {
    if (p > 0 && isWordCode(subject.charCodeAt(p - 1))) continue;
    const end = p + literal.length;
    if (end < subject.length && isWordCode(subject.charCodeAt(end))) continue;
    return p;
  }
  return -1;
}
