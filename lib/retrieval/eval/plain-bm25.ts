/**
 * Plain BM25, the baseline the MLQuestions figures in ../shared/datasets/README.md are quoted for:
 * lowercase word tokens, a short stop-word list, k1 0.9 and b 0.4 (Anserini's defaults). It is a
 * yardstick for the real retriever, so it stays deliberately unclever: no stemming, no phrase or
 * proximity scoring, no query expansion.
 */

/** Lucene's `EnglishAnalyzer.ENGLISH_STOP_WORDS_SET` (33 words), also Anserini's default. */
export const LUCENE_STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
  "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
  "to", "was", "will", "with",
]);

/**
 * The words that frame a question rather than name its topic. MLQuestions' queries are questions,
 * and with Lucene's set alone these words match thousands of passages ("how do you…") and cost
 * about 0.02 of top-1 and 0.03 of top-5 against the README's figures, which they then reproduce.
 */
export const QUESTION_STOP_WORDS: ReadonlySet<string> = new Set([
  "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "do", "does", "did", "can",
  "could", "should", "would", "you", "your", "i", "we", "my", "me",
]);

/** The default stop set (55 words): Lucene's plus the question words. */
export const BM25_STOP_WORDS: ReadonlySet<string> = new Set([...LUCENE_STOP_WORDS, ...QUESTION_STOP_WORDS]);

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Lowercase runs of letters and digits, stop words dropped. Every other character splits words
 * ("k-means" gives "k" and "means", "it's" gives "it" and "s"); keeping apostrophes or underscores
 * in words moved the MLQuestions figures by under 0.005, so the simplest rule stays.
 */
export function bm25Tokens(text: string, stopWords: ReadonlySet<string> = BM25_STOP_WORDS): string[] {
  const tokens: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) if (!stopWords.has(word)) tokens.push(word);
  return tokens;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
  stopWords?: ReadonlySet<string>;
}

export interface Bm25Hit {
  /** Index of the document in the array the index was built from. */
  doc: number;
  score: number;
}

interface Postings {
  docs: Int32Array;
  freqs: Int32Array;
  idf: number;
}

/**
 * An in-memory BM25 index over a fixed list of documents, with an inverted index so a query only
 * touches the documents that share a term with it.
 */
export class PlainBm25 {
  readonly k1: number;
  readonly b: number;
  readonly size: number;
  private readonly stopWords: ReadonlySet<string>;
  private readonly postings = new Map<string, Postings>();
  /** Per document, the denominator's length part k1·(1 − b + b·len/avgLen), computed once. */
  private readonly lengthNorm: Float64Array;
  private readonly scores: Float64Array;

  /** Indexes `docs`; search results name documents by their position in it. */
  constructor(docs: readonly string[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 0.9;
    this.b = options.b ?? 0.4;
    this.stopWords = options.stopWords ?? BM25_STOP_WORDS;
    this.size = docs.length;
    this.scores = new Float64Array(docs.length);

    const lengths = new Float64Array(docs.length);
    const building = new Map<string, { docs: number[]; freqs: number[] }>();
    docs.forEach((text, doc) => {
      const counts = new Map<string, number>();
      const tokens = bm25Tokens(text, this.stopWords);
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      lengths[doc] = tokens.length;
      for (const [term, freq] of counts) {
        let list = building.get(term);
        if (!list) building.set(term, (list = { docs: [], freqs: [] }));
        list.docs.push(doc);
        list.freqs.push(freq);
      }
    });

    const total = lengths.reduce((sum, length) => sum + length, 0);
    const avgLength = total > 0 ? total / docs.length : 1;
    this.lengthNorm = lengths.map((length) => this.k1 * (1 - this.b + (this.b * length) / avgLength));
    for (const [term, list] of building) {
      const df = list.docs.length;
      // Lucene's idf: always positive, so a term in most documents still counts a little.
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      this.postings.set(term, { docs: Int32Array.from(list.docs), freqs: Int32Array.from(list.freqs), idf });
    }
  }

  /**
   * The `k` best documents for `query`, best first; ties go to the earlier document so results are
   * reproducible. A query term repeated n times weighs n times (as Anserini's bag-of-words query
   * does). Documents sharing no term with the query are never returned, so fewer than `k` may come back.
   */
  search(query: string, k: number): Bm25Hit[] {
    const queryCounts = new Map<string, number>();
    for (const token of bm25Tokens(query, this.stopWords)) queryCounts.set(token, (queryCounts.get(token) ?? 0) + 1);

    const touched: number[] = [];
    const { scores, lengthNorm, k1 } = this;
    for (const [term, weight] of queryCounts) {
      const list = this.postings.get(term);
      if (!list) continue;
      const factor = weight * list.idf * (k1 + 1);
      for (let i = 0; i < list.docs.length; i += 1) {
        const doc = list.docs[i]!;
        const tf = list.freqs[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (factor * tf) / (tf + lengthNorm[doc]!);
      }
    }

    const top = selectTop(touched, scores, k);
    // Reset only what this query wrote, so a search costs its postings, not the collection size.
    for (const doc of touched) scores[doc] = 0;
    return top;
  }
}

const better = (a: Bm25Hit, b: Bm25Hit) => a.score > b.score || (a.score === b.score && a.doc < b.doc);

/**
 * The best `k` of `candidates`. For the usual small k an insertion into a short sorted array beats
 * sorting every candidate; for large k that insertion would go quadratic, so sort instead.
 */
function selectTop(candidates: number[], scores: Float64Array, k: number): Bm25Hit[] {
  if (k > 64) {
    const all = candidates.map((doc) => ({ doc, score: scores[doc]! }));
    return all.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
  }
  const top: Bm25Hit[] = [];
  if (k <= 0) return top;
  for (const doc of candidates) {
    const hit = { doc, score: scores[doc]! };
    if (top.length === k && !better(hit, top[k - 1]!)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(top[mid]!, hit)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, hit);
    if (top.length > k) top.pop();
  }
  return top;
}
