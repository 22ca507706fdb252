import { describe, expect, it } from "vitest";
import { copiesQuestion, isGibberish, isKeywordList, isNoAnswer, isWordSalad } from "@/lib/grading/answer-gates";

const vocabulary = new Set(["dropout", "relu", "backpropagation", "softmax"]);

describe("answer gates", () => {
  it.each(["I don't know", "um, honestly I have no idea", "idk", "Sorry, I can't remember.", "", "   ", "?"])("%j is no answer", (answer) => {
    expect(isNoAnswer(answer)).toBe(true);
  });

  it("an answer that starts unsure but then explains is an answer", () => {
    expect(isNoAnswer("I'm not sure, but I think dropout randomly disables neurons during training so the network cannot rely on any single unit.")).toBe(false);
    expect(isNoAnswer("Dropout disables units.")).toBe(false);
  });

  it.each(["asdf qwer zxcv hjkl", "sdfkjh wqeoiru zmxncb", "aaaaaa bbbbbb cccccc", "12873 98127 !!! ### 0000"])("%j is gibberish", (answer) => {
    expect(isGibberish(answer, vocabulary)).toBe(true);
  });

  it.each(["Dropout randomly disables neurons during training.", "uh so relu is like max of zero and x", "Softmax normalises logits into probabilities."])("%j is not gibberish", (answer) => {
    expect(isGibberish(answer, vocabulary)).toBe(false);
  });

  it("spots the question said back, but not an answer that reuses its words", () => {
    const question = "What is the vanishing gradient problem in deep networks?";
    expect(copiesQuestion("The vanishing gradient problem in deep networks.", question)).toBe(true);
    expect(copiesQuestion("It is the vanishing gradient problem, in deep networks", question)).toBe(true);
    expect(copiesQuestion("Gradients shrink as they are multiplied through many layers, so early layers of deep networks barely learn.", question)).toBe(false);
  });

  it("spots a keyword list, but not a sentence", () => {
    expect(isKeywordList("dropout, regularization, overfitting, neurons, training, ensemble")).toBe(true);
    expect(isKeywordList("dropout\nregularisation\nensemble\nco-adaptation\nneurons\ntraining")).toBe(true);
    expect(isKeywordList("Name, parameters, scope, and other general function information")).toBe(false);
    expect(isKeywordList("gradient descent backpropagation learning rate momentum weights loss")).toBe(true);
    expect(isKeywordList("Dropout is a regularisation method: it drops units at random, which prevents co-adaptation.")).toBe(false);
    expect(isKeywordList("ReLU, sigmoid and tanh are activation functions.")).toBe(false);
  });

  it("spots the reference's words shuffled, but not a paraphrase or the reference itself", () => {
    const reference =
      "Batch normalisation normalises each layer's inputs over the mini-batch using its mean and variance, then scales and shifts them with learned parameters, which stabilises training and allows higher learning rates.";
    const shuffled = "parameters variance higher layer's learned mean stabilises mini-batch normalises rates inputs scales training batch shifts normalisation learning allows";
    expect(isWordSalad(shuffled, reference)).toBe(true);
    expect(isWordSalad(reference, reference)).toBe(false);
    const paraphrase = "It takes each layer's inputs and normalises them with the batch mean and variance, then applies a learned scale and shift; training becomes more stable and you can use bigger learning rates.";
    expect(isWordSalad(paraphrase, reference)).toBe(false);
  });
});
