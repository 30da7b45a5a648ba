/**
 * Where communities agree and where they split, computed from the sentiment
 * figures in the index and nothing else. Each community gets a stance from its
 * shares; the summary then names who is enthusiastic, who is critical, who is
 * divided, and whether the communities that spoke agree.
 */
import type { Community, Reaction } from '../index/schema';

export type Stance = 'enthusiastic' | 'positive' | 'divided' | 'critical' | 'neutral';

/** Below this many posts a community's mood is not called at all. */
export const MIN_POSTS_FOR_STANCE = 3;

export function stanceOf(reaction: Reaction): Stance | null {
  if (reaction.posts < MIN_POSTS_FOR_STANCE) return null;
  const { positive, negative, neutral } = reaction.sentiment;
  const polar = positive + negative;
  if (neutral >= 0.6 && polar < 0.4) return 'neutral';
  // Both camps sizeable and close: the community argues with itself.
  if (positive >= 0.25 && negative >= 0.25 && Math.abs(positive - negative) < 0.15)
    return 'divided';
  if (positive - negative >= 0.3) return 'enthusiastic';
  if (positive > negative) return 'positive';
  if (negative > positive) return 'critical';
  return 'divided';
}

export interface Consensus {
  stances: { community: Community; stance: Stance }[];
  /** 'agree' when every called community leans the same way, 'split' when some lean each way. */
  verdict: 'agree' | 'split' | 'mixed' | 'unknown';
  silent: Community[];
}

const lean = (s: Stance): -1 | 0 | 1 =>
  s === 'enthusiastic' || s === 'positive' ? 1 : s === 'critical' ? -1 : 0;

export function computeConsensus(
  reactions: readonly Reaction[],
  communities: readonly Community[],
  enabled: (id: string) => boolean,
): Consensus {
  const byId = new Map(communities.map((c) => [c.id, c]));
  const stances: Consensus['stances'] = [];
  for (const r of reactions) {
    const community = byId.get(r.community);
    if (!community || !enabled(r.community)) continue;
    const stance = stanceOf(r);
    if (stance) stances.push({ community, stance });
  }
  const spoke = new Set(reactions.map((r) => r.community));
  const silent = communities.filter((c) => enabled(c.id) && !spoke.has(c.id));
  let verdict: Consensus['verdict'] = 'unknown';
  if (stances.length >= 2) {
    const leans = new Set(stances.map((s) => lean(s.stance)));
    if (leans.has(1) && leans.has(-1)) verdict = 'split';
    else if (leans.size === 1 && !leans.has(0)) verdict = 'agree';
    else verdict = 'mixed';
  }
  return { stances, verdict, silent };
}
