import { describe, expect, it } from "vitest";
import { contentWords, exactKey, isSameQuestion } from "@/lib/ingest/question-identity";

describe("isSameQuestion", () => {
  it.each([
    ["What is Deep Learning?", "what is deep learning"],
    ["What Is a Multi-layer Perceptron(MLP)?", "What is a Multi-layer Perception(MLP)?"],
    ["What is Neural Network?", "What is a Neural Network?"],
    ["What do you mean by Dropout?", "What is dropout?"],
    ["Why is it necessary to introduce non-linearities in a neural network?", "Why is it necessary to introduce non-linearities in a neural network"],
    ["What’s the F1 score?", "What's the F1 score?"],
    ["What are the softmax functions?", "What is the softmax function?"],
  ])("merges %j and %j", (a, b) => {
    expect(isSameQuestion(a, b)).toBe(true);
  });

  it.each([
    ["What is the softmax function?", "What Are the Softmax and ReLU Functions?"],
    ["What is dropout?", "How will you implement dropout during forward and backward pass?"],
    ["What is the difference between batch gradient descent and stochastic gradient descent?", "Compare batch, mini-batch and stochastic gradient descent."],
    ["What is Tanh function?", "What is the softmax function?"],
    ["What is a 1D CNN?", "What is a 2D CNN?"],
    ["When using mini batch gradient descent, why is it important to shuffle the data?", "Is it necessary to shuffle the training data when using batch gradient descent?"],
    ["What is an RNN?", "What is a CNN?"],
  ])("keeps %j and %j apart", (a, b) => {
    expect(isSameQuestion(a, b)).toBe(false);
  });
});

describe("keys", () => {
  it("folds case, accents and punctuation", () => {
    expect(exactKey("  Qu’est-ce qu’un Réseau?  ")).toBe("quest ce quun reseau");
  });

  it("drops the opener and stop words", () => {
    expect(contentWords("What do you understand by the Vanishing Gradients?")).toEqual(["vanishing", "gradient"]);
  });
});
