import type { Embedder } from "@/lib/embeddings";
import { cosine } from "@/lib/embeddings/cosine";
import { prepareAnswer } from "./lexical-coverage";
import type { Rubric } from "./rubric";

/** How close in meaning the answer's nearest sentence comes to one key point. */
export interface PointMeaning {
  /** Cosine similarity of the point and the sentence, -1 to 1. */
  similarity: number;
  sentence: string;
}

/**
 * Each key point's nearest sentence of the answer by meaning, with an embedding model: one batch for
 * the question, the points and the sentences together. A paraphrase in other words ("units can't co-adapt" for
 * "prevents co-adaptation") is found here when lexical evidence misses it. Null when the answer has
 * no sentence or the rubric no point.
 */
export async function measurePointMeanings({ rubric, answer, embedder }: { rubric: Rubric; answer: string; embedder: Embedder }): Promise<PointMeaning[] | null> {
  const sentences = prepareAnswer(answer).sentences.map((sentence) => sentence.text);
  if (sentences.length === 0 || rubric.keyPoints.length === 0) return null;
  const vectors = await embedder.embed([rubric.question, ...rubric.keyPoints.map((point) => point.text), ...sentences]);
  const question = vectors[0]!;
  const pointVectors = vectors.slice(1, 1 + rubric.keyPoints.length);
  const sentenceVectors = vectors.slice(1 + rubric.keyPoints.length);
  // A sentence nearer the question than the point says the question back ("what dropout does is
  // ..."): its likeness to the point is the question's, not knowledge of the answer.
  const echo = sentenceVectors.map((sentence) => cosine(sentence, question));
  return pointVectors.map((point) => {
    let best: PointMeaning = { similarity: 0, sentence: sentences[0]! };
    sentenceVectors.forEach((sentence, index) => {
      const similarity = cosine(point, sentence);
      if (similarity > echo[index]! && similarity > best.similarity) best = { similarity, sentence: sentences[index]! };
    });
    return best;
  });
}
