import type { Database } from "@/lib/db/client";
import { searchLexical, type LexicalHit, type LexicalSearchOptions } from "@/lib/db/queries/search-lexical";
import { getTermStatistics } from "@/lib/db/queries/search-vocabulary";

/** A concept's words in at most this share of the chunks make it selective enough to pick candidates by. */
const SELECTIVE_SHARE = 0.05;
/** Below this many chunks a full search is cheap, and a failed pruned attempt would only add a query. */
export const PRUNE_FROM_CHUNKS = 20_000;

/**
 * BM25 search that avoids scoring every chunk holding a common word (the expensive part on a large
 * corpus: "network" is in half of them). In the spirit of MaxScore: first score only chunks holding
 * a selective concept's words; then bound what the remaining concepts could add to a chunk that has
 * none of those (BM25 caps a term at idf·(k1+1)). When the last of the `limit` results already
 * beats that bound, no pruned chunk could have entered, so the result stands; otherwise, or when
 * too few were found, the full search runs.
 */
export async function searchLexicalPruned(options: LexicalSearchOptions & { db: Database; pruneFromChunks?: number }): Promise<LexicalHit[]> {
  const { db, terms, k1, questionWeight, limit, pruneFromChunks = PRUNE_FROM_CHUNKS } = options;
  const typed = terms.filter((term) => term.alternative === 0 && term.weight > 0);
  const stats = await getTermStatistics({ db, lexemes: [...new Set(terms.map((term) => term.lexeme))] });
  if (stats.chunks < Math.max(pruneFromChunks, 1) || typed.length === 0) return searchLexical(options);
  const idf = (lexeme: string) => {
    const frequency = stats.frequencies.get(lexeme) ?? 0;
    return Math.log(1 + (stats.chunks - frequency + 0.5) / (frequency + 0.5));
  };

  const concepts = new Map<number, { mass: number; selective: boolean; lexemes: string[] }>();
  for (const term of terms) {
    const concept = concepts.get(term.concept) ?? { mass: 0, selective: false, lexemes: [] };
    if (term.alternative === 0) concept.mass += term.weight * idf(term.lexeme);
    if ((stats.frequencies.get(term.lexeme) ?? 0) <= stats.chunks * SELECTIVE_SHARE) concept.selective = true;
    concept.lexemes.push(term.lexeme);
    concepts.set(term.concept, concept);
  }
  const selective = [...concepts.values()].filter((concept) => concept.selective);
  const common = [...concepts.values()].filter((concept) => !concept.selective);
  if (selective.length === 0 || common.length === 0) return searchLexical(options);

  // The most a question can score without any selective word: each common concept at its BM25
  // ceiling, in both its wording and its answer, plus every phrase bonus at its ceiling.
  const phraseCeiling = (options.phrases ?? []).reduce((sum, phrase) => sum + ((options.phraseWeight ?? 0) * (idf(phrase.first) + idf(phrase.second))) / 2, 0);
  const ceiling = (k1 + 1) * (questionWeight + 1) * (common.reduce((sum, concept) => sum + concept.mass, 0) + phraseCeiling);
  const pruned = await searchLexical({ ...options, candidateLexemes: selective.flatMap((concept) => concept.lexemes) });
  if (pruned.length === limit && pruned[limit - 1]!.score > ceiling) return pruned;
  return searchLexical(options);
}
