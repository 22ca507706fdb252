/**
 * The yardstick grader of ../shared/datasets/README.md: the plain TF-IDF cosine between an answer and
 * its reference. Tokens are lowercase runs of letters and digits (no stop words, no stemming); a
 * term's weight is its raw count times ln(N / df), where the documents are every item's reference
 * and every item's answer (a reference shared by many answers counts once per answer). On Mohler this
 * reproduces the README: r = 0.442 between cosine and score_avg, RMSE 0.986 after a linear map fitted
 * leave-one-assignment-out and clipped to 0–5. It stays deliberately unclever: it is what the real
 * grader must beat. The document frequencies use no grades, so computing them over every item,
 * test items included, leaks no label.
 */
import { clip, fitAndPredict, fitLinear, fitLogistic, leaveOneGroupOut } from "./cross-validation";
import type { GradingItem, GradingSplit } from "./datasets";
import { accuracy, macroF1, pearson, summarizeScores, type RegressionSummary } from "./metrics";

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase runs of letters and digits; every other character splits words. */
export function tfidfTokens(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(WORD), ([word]) => word);
}

export interface ReferenceAnswerPair {
  reference: string;
  answer: string;
}

/**
 * The TF-IDF cosine between each pair's reference and answer, in [0, 1]; 0 when either side has no
 * weighted term (empty, or only terms found in every document). `idfDocuments` defaults to every
 * pair's reference and answer; terms outside it get no weight.
 */
export function tfidfCosines(pairs: readonly ReferenceAnswerPair[], idfDocuments?: readonly string[]): number[] {
  const score = tfidfScorer(idfDocuments ?? pairs.flatMap((pair) => [pair.reference, pair.answer]));
  return pairs.map((pair) => score(pair.reference, pair.answer));
}

/**
 * The TF-IDF cosine with its document frequencies counted once over `idfDocuments`: a function of
 * (reference, answer), as {@link tfidfCosines} computes it pair by pair.
 */
export function tfidfScorer(documents: readonly string[]): (reference: string, answer: string) => number {
  const df = new Map<string, number>();
  for (const document of documents) for (const term of new Set(tfidfTokens(document))) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => {
    const count = df.get(term);
    return count === undefined ? 0 : Math.log(documents.length / count);
  };
  const vector = (text: string) => {
    const counts = new Map<string, number>();
    for (const term of tfidfTokens(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weights = new Map<string, number>();
    for (const [term, count] of counts) weights.set(term, count * idf(term));
    return weights;
  };
  return (reference, answer) => cosine(vector(reference), vector(answer));
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  const norm = (v: ReadonlyMap<string, number>) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

export interface GroupedBaseline {
  /** Pearson r between the raw cosine and the human grade, over every item (no fitting involved). */
  rawPearson: number;
  /** The held-out predictions: a linear map cosine → grade fitted without the item's group, clipped to the scale. */
  predictions: number[];
  /** r, RMSE and MAE of `predictions` against the human grades. */
  heldOut: RegressionSummary;
  groups: number;
}

/**
 * The baseline on a dataset without a published split (Mohler): the raw cosine's r, and the figures
 * of a linear map from cosine to grade fitted leave-one-group-out (Mohler: leave-one-assignment-out).
 */
export function tfidfGroupedBaseline(items: readonly GradingItem[]): GroupedBaseline {
  const cosines = tfidfCosines(items);
  const gold = items.map((item) => item.gold);
  const fitted = leaveOneGroupOut(cosines.map((c) => [c]), gold, items.map((item) => item.group), (X, y) => fitLinear(X, y));
  const predictions = fitted.map((value, i) => clip(value, items[i]!.scale));
  return {
    rawPearson: pearson(cosines, gold),
    predictions,
    heldOut: summarizeScores(predictions, gold),
    groups: new Set(items.map((item) => item.group)).size,
  };
}

export type SplitBaseline =
  | { task: "score"; train: number; test: number; rawPearson: number; heldOut: RegressionSummary }
  | { task: "verdict"; train: number; test: number; accuracy: number; macroF1: number; positiveRate: number };

/**
 * The baseline on a published split (SciEntsBank, SAF): fitted on the `train` items, measured on
 * `test`. For `score` a linear map cosine → grade, clipped to the scale; for `verdict` (0/1 gold) a
 * logistic regression on the cosine, read as correct at P ≥ 0.5. Document frequencies come from every
 * item passed in (label-free, see the file's note).
 */
export function tfidfSplitBaseline(items: readonly GradingItem[], test: GradingSplit, task: "score" | "verdict"): SplitBaseline {
  const cosines = tfidfCosines(items);
  const pick = (split: GradingSplit) => items.flatMap((item, i) => (item.split === split ? [{ item, x: [cosines[i]!] }] : []));
  const trainRows = pick("train");
  const testRows = pick(test);
  if (trainRows.length === 0 || testRows.length === 0) throw new Error(`tfidfSplitBaseline: no train items or no ${test} items`);
  const gold = testRows.map((row) => row.item.gold);
  const fit = task === "score" ? fitLinear : fitLogistic;
  const raw = fitAndPredict(trainRows.map((row) => row.x), trainRows.map((row) => row.item.gold), testRows.map((row) => row.x), (X, y) => fit(X, y));
  const sizes = { train: trainRows.length, test: testRows.length };
  if (task === "score") {
    const predictions = raw.map((value, i) => clip(value, testRows[i]!.item.scale));
    return { task, ...sizes, rawPearson: pearson(testRows.map((row) => row.x[0]!), gold), heldOut: summarizeScores(predictions, gold) };
  }
  const verdicts = raw.map((probability) => (probability >= 0.5 ? 1 : 0));
  return {
    task,
    ...sizes,
    accuracy: accuracy(verdicts, gold),
    macroF1: macroF1(verdicts, gold, [0, 1]),
    positiveRate: verdicts.reduce<number>((sum, v) => sum + v, 0) / verdicts.length,
  };
}
