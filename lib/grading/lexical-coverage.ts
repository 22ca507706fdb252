import { editDistance } from "@/lib/retrieval/edit-distance";
import { contentStems } from "./text-terms";

/** An answer prepared once for matching against every key point. */
export interface PreparedAnswer {
  sentences: { text: string; stems: Set<string> }[];
  stems: Set<string>;
}

/** Splits an answer into sentences (or spoken clauses) with their stems. */
export function prepareAnswer(answer: string): PreparedAnswer {
  const pieces = answer.split(/(?<=[.!?;])\s+|\n+|,\s+(?:and|but|so|because)\s+/).map((piece) => piece.trim()).filter(Boolean);
  const sentences = pieces.map((text) => ({ text, stems: new Set(contentStems(text)) }));
  return { sentences, stems: new Set(sentences.flatMap((sentence) => [...sentence.stems])) };
}

export interface PointCoverage {
  /** Weighted share of the point's content words the answer uses, 0 to 1. */
  coverage: number;
  /** The answer's sentence that carries most of the point, or null. */
  evidence: string | null;
  evidenceStems: Set<string>;
}

/**
 * How much of a key point an answer carries, by weighted lexical evidence: each content stem of the
 * point weighs its inverse document frequency (rare words say more), and words the question
 * already contains weigh little (repeating the question is not knowing the answer). The evidence
 * is the sentence holding the most of that weight.
 */
export function coverPoint({
  pointText,
  answer,
  questionStems,
  idf,
  questionWordWeight = 0.5,
}: {
  pointText: string;
  answer: PreparedAnswer;
  questionStems: ReadonlySet<string>;
  idf: (stem: string) => number;
  questionWordWeight?: number;
}): PointCoverage {
  const stems = [...new Set(contentStems(pointText))];
  const weightOf = (stem: string) => idf(stem) * (questionStems.has(stem) ? questionWordWeight : 1);
  const total = stems.reduce((sum, stem) => sum + weightOf(stem), 0);
  if (total === 0) return { coverage: 0, evidence: null, evidenceStems: new Set() };
  const matched = stems.filter((stem) => hasStem(answer.stems, stem)).reduce((sum, stem) => sum + weightOf(stem), 0);
  let best: { text: string; weight: number; stems: Set<string> } | null = null;
  for (const sentence of answer.sentences) {
    const weight = stems.filter((stem) => hasStem(sentence.stems, stem)).reduce((sum, stem) => sum + weightOf(stem), 0);
    if (weight > 0 && (!best || weight > best.weight)) best = { text: sentence.text, weight, stems: sentence.stems };
  }
  return { coverage: matched / total, evidence: best?.text ?? null, evidenceStems: best?.stems ?? new Set() };
}

/**
 * Whether a set of stems holds `stem`, or a misspelling of it: people type and transcribe
 * "paramaters" and "recusion". Only words of five letters or more, where one slip cannot turn one
 * real word into another as easily.
 */
function hasStem(stems: ReadonlySet<string>, stem: string): boolean {
  if (stems.has(stem)) return true;
  if (stem.length < 5) return false;
  const allowed = 1;
  for (const candidate of stems) {
    if (Math.abs(candidate.length - stem.length) <= allowed && candidate[0] === stem[0] && editDistance(candidate, stem) <= allowed) return true;
  }
  return false;
}

/**
 * Inverse document frequencies over a set of texts (reference answers, key points): smoothed so
 * an unseen stem weighs like the rarest seen one, never infinitely.
 */
export function idfFromTexts(texts: readonly string[]): (stem: string) => number {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) for (const stem of new Set(contentStems(text))) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const count = texts.length;
  return (stem) => Math.log(1 + (count + 1) / ((documentFrequency.get(stem) ?? 0) + 0.5));
}
