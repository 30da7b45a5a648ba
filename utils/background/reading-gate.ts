/**
 * When a page's quick reading (utils/page/quick-lead.ts) settles the answer.
 *
 * The quick lead keeps boilerplate in rather than leaving text out, so it errs
 * towards seeing signs of AI; and the bar is any sign at all (a score above 0,
 * where the full verdict needs 0.5). A page whose quick reading shows none and
 * matches no story is done. On the 826 labelled corpus pages (`npm run eval`)
 * the quick reading settled 743 this way, all labelled not AI, and none of them
 * is a page the full reading calls about AI.
 *
 * A page that shows signs of AI but matched no story is done too when no lead
 * could make it match one by text (the matcher's couldMatchByText: its title
 * shares too little with every story within its dates). The full reading would
 * only change the lead, so it could not give that page a story; it is not
 * taken, and the page's verdict stays the quick reading's.
 */
export function quickReadingSettles(
  aiScore: number,
  matched: boolean,
  couldMatchByText: () => boolean = () => true,
): boolean {
  // Asked last, and only of a page with signs of AI: most pages show none.
  return !matched && (aiScore === 0 || !couldMatchByText());
}
