import { describe, expect, it } from "vitest";
import { isQuestionLike, isStandaloneQuestion, questionCue, splitTrailingNote } from "@/lib/ingest/question-like";

describe("splitTrailingNote", () => {
  it("splits a parenthesised note after a question mark, nested parentheses included", () => {
    expect(splitTrailingNote("What is the problem with sigmoid during backpropagation? (Very small, between 0.25 and zero.)")).toEqual({
      question: "What is the problem with sigmoid during backpropagation?",
      note: "Very small, between 0.25 and zero.",
    });
    expect(splitTrailingNote("How to find the best hyper parameters? (Random search, grid search, Bayesian search (and what it is?))").note).toBe(
      "Random search, grid search, Bayesian search (and what it is?)",
    );
  });

  it("keeps parentheses that belong to the question", () => {
    expect(splitTrailingNote("what if we only had 1 layer (i.e linear/logistic regression?)").note).toBeNull();
    expect(splitTrailingNote("What is a Multi-layer Perceptron (MLP)").note).toBeNull();
  });
});

describe("question cues", () => {
  it("counts question marks, interrogatives, auxiliaries, instructions and True/false", () => {
    expect(questionCue("Is dropout used on the test set?")).toEqual({ questionMark: true, opener: "auxiliary" });
    expect(questionCue("What Is Data Normalization, and Why Do We Need It").opener).toBe("interrogative");
    expect(questionCue("Explain stride.").opener).toBe("imperative");
    expect(questionCue("True/false: adding L2 regularization helps.").opener).toBe("true-false");
    expect(questionCue("为什么要打乱数据").opener).toBe("interrogative");
    expect(isQuestionLike("Pick an algorithm. Write the pseudo-code.")).toBe(true);
  });

  it("does not take statements and section names for questions", () => {
    for (const text of ["Deep Learning", "An input layer", "Structural Parallels", "Inputs come in, are weighed and then summed", "List: An ordered sequence"]) {
      expect(isQuestionLike(text)).toBe(false);
    }
  });

  it("is stricter for lines with no number or heading", () => {
    expect(isStandaloneQuestion("Compare and contrast L1-loss vs. L2-loss.")).toBe(true);
    expect(isStandaloneQuestion("What is transfer learning?")).toBe(true);
    expect(isStandaloneQuestion("When the slope is too small, the gradient vanishes.")).toBe(false);
    expect(isStandaloneQuestion("Suppose there is a wine shop purchasing wine.")).toBe(false);
  });
});
