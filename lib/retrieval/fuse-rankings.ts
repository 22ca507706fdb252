/**
 * Reciprocal rank fusion (Cormack et al., 2009): each ranking adds 1 / (k + rank) to an item, so
 * rankings with incomparable scores (BM25 and cosine) combine without calibration, and an item
 * both rankings place high beats one that only a single ranking likes.
 * @returns item ids with fused scores, best first (ties keep the first ranking's order).
 */
export function fuseRankings(rankings: string[][], k: number): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
