import type { Database } from "@/lib/db/client";
import { listQuestions } from "@/lib/db/queries/questions";
import { searchVector, type VectorHit } from "@/lib/db/queries/search-vector";
import type { Embedder } from "@/lib/embeddings";
import { analyzeQuery, type AnalyzedQuery } from "./analyze-query";
import { fuseRankings } from "./fuse-rankings";
import { searchLexicalPruned } from "./prune-lexical";
import { DEFAULT_SEARCH_SETTINGS, type SearchSettings } from "./search-settings";

export interface SearchResult {
  questionId: string;
  question: string;
  answer: string | null;
  topic: string;
  /** Fused score (hybrid) or BM25 score (lexical only): higher is better, comparable within one search. */
  score: number;
  /** 1-based ranks in each ranking that found it (absent: not in that ranking's top). */
  lexicalRank?: number;
  vectorRank?: number;
  sources: { document: string; line: number; question: string; answer: string | null }[];
}

export interface SearchResponse {
  query: string;
  /** "hybrid" when a model took part, "lexical" otherwise. */
  tier: "hybrid" | "lexical";
  /** Why a configured model did not take part in this search, if it did not. */
  notice?: string;
  analysis: AnalyzedQuery;
  results: SearchResult[];
}

export interface SearchOptions {
  db: Database;
  query: string;
  /** Null: the lexical tier alone. */
  embedder: Embedder | null;
  k?: number;
  topics?: string[];
  /** Only questions this owner may see (the shared library and their own); all of them without it (the command line). */
  visibleTo?: string;
  settings?: SearchSettings;
}

/**
 * Finds the canonical questions that best match a query, however it is worded: BM25 full-text
 * search (with fillers removed, misspellings corrected and the corpus's abbreviations expanded)
 * and, when a model is present, vector similarity, fused by reciprocal rank. A failing embedder
 * (say the embeddings endpoint is down) degrades to the lexical tier and says so.
 */
export async function searchQuestions(options: SearchOptions): Promise<SearchResponse> {
  const { db, query, embedder, topics, visibleTo } = options;
  const settings = options.settings ?? DEFAULT_SEARCH_SETTINGS;
  const k = Math.max(1, Math.min(options.k ?? 10, 100));
  const depth = Math.max(k, settings.fusionDepth);

  const analysis = await analyzeQuery({ db, query, settings });
  const [lexical, vector] = await Promise.all([
    searchLexicalPruned({ db, terms: analysis.terms, phrases: analysis.phrases, phraseWeight: settings.phraseWeight, limit: depth, k1: settings.k1, b: settings.b, questionWeight: settings.questionWeight, topics, visibleTo }),
    embedder ? searchByMeaning({ db, query: analysis.cleaned || query, embedder, limit: depth, topics, visibleTo }) : null,
  ]);

  const vectorHits = vector?.hits;
  const ranked = (
    vectorHits
      ? fuseRankings([lexical.map((hit) => hit.questionId), vectorHits.map((hit) => hit.questionId)], settings.fusionK)
      : lexical.map((hit) => ({ id: hit.questionId, score: hit.score }))
  ).slice(0, k);

  const details = new Map((await listQuestions({ db, ids: ranked.map((item) => item.id) })).map((item) => [item.id, item]));
  const lexicalRanks = new Map(lexical.map((hit, index) => [hit.questionId, index + 1]));
  const vectorRanks = new Map((vectorHits ?? []).map((hit, index) => [hit.questionId, index + 1]));
  const results = ranked.flatMap(({ id, score }) => {
    const item = details.get(id);
    if (!item) return []; // deleted by a concurrent ingestion between the two queries
    return [{ questionId: id, question: item.question, answer: item.answer, topic: item.topic, score, lexicalRank: lexicalRanks.get(id), vectorRank: vectorRanks.get(id), sources: item.sources }];
  });
  return { query, tier: vectorHits ? "hybrid" : "lexical", notice: vector?.notice, analysis, results };
}

async function searchByMeaning({ db, query, embedder, limit, topics, visibleTo }: { db: Database; query: string; embedder: Embedder; limit: number; topics?: string[]; visibleTo?: string }): Promise<{ hits?: VectorHit[]; notice?: string }> {
  try {
    const [embedding] = await embedder.embed([query]);
    return { hits: await searchVector({ db, embedding: embedding!, model: embedder.modelId, limit, topics, visibleTo }) };
  } catch (error) {
    return { notice: `Semantic search failed for this query (${error instanceof Error ? error.message : String(error)}); these are full-text results.` };
  }
}
