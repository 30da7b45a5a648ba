/** Title words for similarity and keywords: lower-case, stop words out, plural "s" folded. */

const STOP = new Set(
  `a an and are as at be but by can could did do does for from had has have how i if in into is it its
  just me my new no not now of on or our out over so than that the their them then there these they this
  to too up us was we what when where which who why will with would you your yes via vs about after all
  also any been being more most much only other some such very get got using use used make makes made
  one two first just here show ask tell hn r localllama anyone someone does don doesn isn what's it's
  i'm let's really still even like way thing things need want know think
  hugging face huggingface github arxiv pdf video release released releases model models open source
  llm llms local locally run running best better good great vs. introducing announcing`.split(
    /\s+/,
  ),
);

export function titleTokens(title: string): string[] {
  const words =
    title.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.+-]*[\p{L}\p{N}+]|[\p{L}\p{N}]/gu) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (w.length < 3 && !/\d/.test(w)) continue;
    if (STOP.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return [...out];
}
