import { coverPoint, type PreparedAnswer } from "./lexical-coverage";
import { contentStems } from "./text-terms";

/** What the calibrated score is computed from; every feature is lexical, so it runs with no model. */
export interface AnswerFeatures {
  /** The rubric's weighted key-point credit turned into 0 to 5 (diminishing returns). */
  rubricScore: number;
  /** Share of the whole reference's weighted content words the answer uses (question words weigh less). */
  coverage: number;
  /** Share of the answer's own content words (not the question's) that the reference uses: says on topic, not padding. */
  precision: number;
  /** TF-IDF cosine between reference and answer stems. */
  cosine: number;
  /** log of the answer's length over the reference's, in content words. */
  lengthRatio: number;
}

export const FEATURE_NAMES = ["rubricScore", "coverage", "precision", "cosine", "lengthRatio"] as const satisfies readonly (keyof AnswerFeatures)[];

/** The lexical features of an answer against the reference it is graded by. */
export function answerFeatures({
  rubricScore,
  question,
  reference,
  answer,
  prepared,
  idf,
}: {
  rubricScore: number;
  question: string;
  reference: string;
  answer: string;
  prepared: PreparedAnswer;
  idf: (stem: string) => number;
}): AnswerFeatures {
  const questionStems = new Set(contentStems(question));
  const referenceStems = contentStems(reference);
  const answerStems = contentStems(answer);
  const coverage = coverPoint({ pointText: reference, answer: prepared, questionStems, idf }).coverage;
  const own = answerStems.filter((stem) => !questionStems.has(stem));
  const referenceSet = new Set(referenceStems);
  const precision = own.length ? own.filter((stem) => referenceSet.has(stem)).length / own.length : 0;
  return {
    rubricScore,
    coverage,
    precision,
    cosine: tfidfCosine(referenceStems, answerStems, idf),
    lengthRatio: Math.log(1 + answerStems.length) - Math.log(1 + referenceStems.length),
  };
}

function tfidfCosine(a: string[], b: string[], idf: (stem: string) => number): number {
  const vector = (stems: string[]) => {
    const counts = new Map<string, number>();
    for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    return new Map([...counts].map(([stem, count]) => [stem, count * idf(stem)]));
  };
  const [va, vb] = [vector(a), vector(b)];
  let dot = 0;
  for (const [stem, weight] of va) dot += weight * (vb.get(stem) ?? 0);
  const norm = (vector: Map<string, number>) => Math.sqrt([...vector.values()].reduce((sum, weight) => sum + weight * weight, 0));
  const denominator = norm(va) * norm(vb);
  return denominator === 0 ? 0 : dot / denominator;
}
