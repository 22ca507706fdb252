import { describe, expect, it } from "vitest";
import { isQuestionLike, isStandaloneQuestion, questionCue, splitInlineAnswer, splitTrailingNote } from "@/lib/ingest/question-like";

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

describe("splitInlineAnswer", () => {
  it("splits only at an explicit dash or label after the question mark", () => {
    expect(splitInlineAnswer("What is X? — X is a thing.")).toEqual({ question: "What is X?", answer: "X is a thing." });
    expect(splitInlineAnswer("What is X? Ans: a thing")).toEqual({ question: "What is X?", answer: "a thing" });
    expect(splitInlineAnswer("What is cross-validation? What technique would you use?").answer).toBeNull();
    expect(splitInlineAnswer("What is the bias-variance tradeoff?").answer).toBeNull();
  });
});

describe("headings that look like questions but are not", () => {
  it("needs a determiner after noun-like instructions, and ignores page furniture", () => {
    expect(isQuestionLike("List of questions")).toBe(false);
    expect(isQuestionLike("Design Patterns")).toBe(false);
    expect(isQuestionLike("State of the art")).toBe(false);
    expect(isQuestionLike("How to contribute")).toBe(false);
    expect(isQuestionLike("What’s new")).toBe(false);
    expect(questionCue("What’s the role of a bias").opener).toBe("interrogative");
    expect(isQuestionLike("How it works")).toBe(false);
    expect(isQuestionLike("List the supervised and unsupervised tasks in Deep Learning.")).toBe(true);
    expect(isQuestionLike("Name an example where ensemble techniques might be useful.")).toBe(true);
    expect(isQuestionLike("How to solve the exploding gradient problem?")).toBe(true);
    expect(isQuestionLike("Explain softmax")).toBe(true);
  });
});
