/**
 * A forum's label at the head of a title says where a post was made, not what
 * it is about: "Ask HN: Norway bans AI in elementary schools" is about Norway's
 * ban, and a story titled "Norway imposes near ban on AI…" holds none of "Ask HN".
 * Counted as words, the label costs the page a fifth of its title's cover.
 */
const FORUM_LABEL = /^\s*(?:(?:ask|show|tell|launch)\s+hn\s*:|\[[^\]\n]{1,24}\])\s*/i;

/** The title without a leading forum label ("Show HN:", a Reddit tag such as "[D]"). */
export function withoutForumLabel(title: string): string {
  const found = FORUM_LABEL.exec(title);
  if (!found) return title;
  const rest = title.slice(found[0].length);
  // A title that is only a label keeps it: it is all the words there are.
  return rest.trim() === '' ? title : rest;
}
