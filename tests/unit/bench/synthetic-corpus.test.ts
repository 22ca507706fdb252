import { describe, expect, it } from "vitest";
import { createSyntheticCorpus, vocabularyFromTexts } from "@/lib/cli/bench/synthetic-corpus";

const SEED_TEXT =
  "Dropout randomly drops units of a neural network during training to prevent co-adaptation. " +
  "Batch normalization normalizes the activations of a layer over the mini-batch. " +
  "Gradient descent updates the weights against the gradient of the loss function. " +
  "A convolutional network shares its kernel weights across the image; pooling reduces resolution. " +
  "Recurrent networks keep a hidden state; the vanishing gradient problem makes long sequences hard. " +
  "Regularization such as weight decay penalizes large weights and reduces overfitting on the training data. " +
  "An autoencoder learns a compressed representation by reconstructing its input through a bottleneck layer.";
const vocabulary = vocabularyFromTexts([SEED_TEXT, SEED_TEXT.toUpperCase()]);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

describe("vocabularyFromTexts", () => {
  it("lists each word once, lowercased, commonest first", () => {
    expect(vocabulary[0]).toBe("the");
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
    expect(vocabulary).toContain("co-adaptation");
    expect(vocabulary.every((word) => word === word.toLowerCase() && /^[a-z-]+$/.test(word))).toBe(true);
  });
});

describe("createSyntheticCorpus", () => {
  const corpus = createSyntheticCorpus({ vocabulary, size: 500, dims: 64, seed: 7 });

  it("gives the same passages and vectors for the same seed, whichever slices are asked for (start, count; clamped to the corpus)", () => {
    const again = createSyntheticCorpus({ vocabulary, size: 500, dims: 64, seed: 7 });
    const whole = corpus.slice(0, 500);
    const pieces = [again.slice(0, 123), again.slice(123, 277), again.slice(400, 600)];
    expect(pieces.flatMap((piece) => piece.texts)).toEqual(whole.texts);
    expect(pieces.flatMap((piece) => piece.vectors.map((vector) => Array.from(vector)))).toEqual(whole.vectors.map((vector) => Array.from(vector)));
    expect(again.queries(20)).toEqual(corpus.queries(20));
  });

  it("changes with the seed", () => {
    const other = createSyntheticCorpus({ vocabulary, size: 500, dims: 64, seed: 8 });
    expect(other.slice(0, 5).texts).not.toEqual(corpus.slice(0, 5).texts);
  });

  it("writes passages of 30 to 80 words from the vocabulary, with unit vectors of the asked dimension", () => {
    const { texts, vectors, topics } = corpus.slice(0, 200);
    expect(texts).toHaveLength(200);
    const known = new Set(vocabulary);
    for (const text of texts) {
      const words = text.toLowerCase().replaceAll(".", "").split(" ");
      expect(words.length).toBeGreaterThanOrEqual(30);
      expect(words.length).toBeLessThanOrEqual(80);
      expect(words.every((word) => known.has(word))).toBe(true);
    }
    for (const vector of vectors) {
      expect(vector).toHaveLength(64);
      expect(dot(vector, vector)).toBeCloseTo(1, 4);
    }
    expect(new Set(topics).size).toBeGreaterThan(1);
    expect(topics.every((topic) => topic >= 0 && topic < corpus.topics)).toBe(true);
  });

  it("clusters vectors by topic: passages of one topic lie closer than passages of different topics", () => {
    const { vectors, topics } = corpus.slice(0, 300);
    const [same, different] = [[] as number[], [] as number[]];
    for (let i = 0; i < 300; i++) for (let j = i + 1; j < 300; j++) (topics[i] === topics[j] ? same : different).push(dot(vectors[i]!, vectors[j]!));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(same)).toBeGreaterThan(mean(different) + 0.2);
  });

  it("draws held-out queries: a few content words of a passage and a vector near that passage's", () => {
    const queries = corpus.queries(30);
    for (const query of queries) {
      const source = corpus.slice(query.passage, 1);
      const words = query.text.split(" ");
      expect(words.length).toBeGreaterThanOrEqual(1);
      expect(words.length).toBeLessThanOrEqual(4);
      for (const word of words) expect(source.texts[0]!.toLowerCase()).toContain(word);
      expect(source.texts[0]).not.toBe(query.text);
      expect(dot(query.vector, query.vector)).toBeCloseTo(1, 4);
      expect(dot(query.vector, source.vectors[0]!)).toBeGreaterThan(0.7);
    }
  });

  it("refuses a vocabulary too small to write with", () => {
    expect(() => createSyntheticCorpus({ vocabulary: ["a", "b"], size: 10 })).toThrow(RangeError);
  });
});
