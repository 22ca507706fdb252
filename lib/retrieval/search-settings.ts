/**
 * The lexical tier's constants, in one place. Values were chosen on development data (the
 * MLQuestions dev split and the seed paraphrase set), never on the test split the eval reports.
 */
export interface SearchSettings {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation. */
  b: number;
  /** A match in a question's own wording counts this much more than one in its answer. */
  questionWeight: number;
  /** Query words found side by side in a chunk earn a term of this weight (times their mean idf). */
  phraseWeight: number;
  /** A long form added for a short form the query used ("CNN"), shared among its words. */
  longFormWeight: number;
  /** The short form added when the query spells out its long form. */
  shortFormWeight: number;
  /** A corpus word standing in for an unknown (misspelled) query word. */
  correctionWeight: number;
  /** Trigram similarity from which a corpus word is a candidate correction (edit distance then decides). */
  minCorrectionSimilarity: number;
  /** Unknown words shorter than this are not corrected: too few trigrams to judge. */
  minCorrectionLength: number;
  /** Reciprocal rank fusion's constant: larger flattens the advantage of the very top ranks. */
  fusionK: number;
  /** How deep each ranking goes into the fusion. */
  fusionDepth: number;
}

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = {
  k1: 0.9,
  b: 0.4,
  questionWeight: 2,
  phraseWeight: 0.5,
  longFormWeight: 1,
  shortFormWeight: 1,
  correctionWeight: 0.8,
  minCorrectionSimilarity: 0.2,
  minCorrectionLength: 4,
  fusionK: 60,
  fusionDepth: 50,
};
