/**
 * Rank-based retrieval metrics over a batch of queries: hit rate at k (a query counts when any of
 * its gold items is in its top k; with one gold per query this is recall@k) and MRR@k (the mean of
 * 1/rank of the first gold item, 0 past the cutoff). Items are compared with `===`, so rankings may
 * name documents by index or by id.
 */

export interface RankingMetricsOptions {
  /** Cutoffs for hit rate; default [1, 5, 20]. */
  ks?: readonly number[];
  /** Cutoff for MRR; default 20. */
  mrrAt?: number;
}

export interface RankingMetrics {
  queries: number;
  /** Fraction of queries with a gold item in the top k, keyed by k. */
  hitAt: Record<number, number>;
  /** Mean reciprocal rank of the first gold item, counting ranks beyond `mrrAt` as 0. */
  mrr: number;
  mrrAt: number;
  /** Per query, the 1-based rank of its first gold item, or null when none was ranked; for paired comparisons. */
  ranks: (number | null)[];
}

/**
 * The 1-based position of the first item of `ranking` that is in `golds`, or null when none is.
 * A single gold may be given bare.
 */
export function firstGoldRank<T>(ranking: readonly T[], golds: T | ReadonlySet<T>): number | null {
  const isGold = golds instanceof Set ? (item: T) => golds.has(item) : (item: T) => item === golds;
  const index = ranking.findIndex(isGold);
  return index < 0 ? null : index + 1;
}

/**
 * Hit rate at each of `ks` and MRR@`mrrAt` for `rankings[i]` (best first) judged against
 * `golds[i]` (one gold item, or a set of equally good ones). Rankings may be longer or shorter than
 * the cutoffs. Throws on mismatched lengths, on no queries, on a bad cutoff and on an empty gold set:
 * each of these is a caller's bug that would otherwise come out as a plausible-looking figure.
 */
export function rankingMetrics<T>(
  rankings: readonly (readonly T[])[],
  golds: readonly (T | ReadonlySet<T>)[],
  options: RankingMetricsOptions = {},
): RankingMetrics {
  const ks = options.ks ?? [1, 5, 20];
  const mrrAt = options.mrrAt ?? 20;
  if (rankings.length !== golds.length) {
    throw new Error(`rankingMetrics: ${rankings.length} rankings but ${golds.length} gold entries`);
  }
  if (rankings.length === 0) throw new Error("rankingMetrics: no queries");
  for (const cutoff of [...ks, mrrAt]) {
    if (!Number.isInteger(cutoff) || cutoff < 1) throw new Error(`rankingMetrics: cutoff ${cutoff} is not a positive integer`);
  }

  const ranks = rankings.map((ranking, query) => {
    const gold = golds[query]!;
    if (gold instanceof Set && gold.size === 0) throw new Error(`rankingMetrics: query ${query} has no gold items`);
    return firstGoldRank(ranking, gold);
  });

  const n = ranks.length;
  const hitAt: Record<number, number> = {};
  for (const k of ks) hitAt[k] = ranks.filter((rank) => rank !== null && rank <= k).length / n;
  const reciprocal = ranks.reduce<number>((sum, rank) => sum + (rank !== null && rank <= mrrAt ? 1 / rank : 0), 0);
  return { queries: n, hitAt, mrr: reciprocal / n, mrrAt, ranks };
}
