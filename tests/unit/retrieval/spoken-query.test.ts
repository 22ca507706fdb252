import { describe, expect, it } from "vitest";
import { isFillerWord, stripSpokenFillers } from "@/lib/retrieval/spoken-query";

const cases = (pairs: [string, string][]) => {
  for (const [query, expected] of pairs) expect(stripSpokenFillers(query), query).toBe(expected);
};

describe("stripSpokenFillers: hesitations and restarts", () => {
  it("drops hesitations of any length, with the commas and pauses around them", () => {
    cases([
      ["what is, uh, dropout", "what is dropout"],
      ["ummm what is a GAN", "what is a GAN"],
      ["what is... um... dropout", "what is dropout"],
      ["Mmm, what's a kernel", "what's a kernel"],
      ["err, what is an epoch", "what is an epoch"],
      ["uh-huh so what is boosting", "what is boosting"],
      ["what is the difference between um L1 and L2 regularization", "what is the difference between L1 and L2 regularization"],
    ]);
  });

  it("drops restarts, keeping the second attempt", () => {
    cases([
      ["the the the vanishing gradient", "the vanishing gradient"],
      ["what what is dropout", "what is dropout"],
      ["what is what is dropout", "what is dropout"],
      ["so what is the the role of the learning rate", "what is the role of the learning rate"],
      ["difference between L1 and and L2", "difference between L1 and L2"],
    ]);
  });

  it("drops basically, actually, literally anywhere", () => {
    cases([["basically I actually literally don't get attention", "I don't get attention"]]);
  });
});

describe("stripSpokenFillers: openers and closers", () => {
  it("strips chatty preambles", () => {
    cases([
      ["um so what's the deal with GANs", "GANs"],
      ["So, um, what’s the deal with, uh, GANs?", "GANs?"],
      ["Whats the deal with batch norm", "batch norm"],
      ["can you like tell me about, uh, dropout?", "dropout?"],
      ["I was wondering if you could explain batch normalization", "batch normalization"],
      ["i was just wondering about LSTMs", "LSTMs"],
      ["could you explain the vanishing gradient problem", "the vanishing gradient problem"],
      ["Could you please briefly describe the architecture of ResNet?", "the architecture of ResNet?"],
      ["tell me about CNNs", "CNNs"],
      ["Tell me more about RNNs please", "RNNs"],
      ["talk me through backpropagation", "backpropagation"],
      ["Hey! Could you walk me through how backprop works?", "how backprop works?"],
      ["do you know what an LSTM is?", "what an LSTM is?"],
      ["I want to know about attention", "attention"],
      ["I'd like to know more about k-means clustering", "k-means clustering"],
      ["I’m curious about word2vec", "word2vec"],
      ["let's talk about transformers", "transformers"],
      ["explain to me the bias-variance tradeoff", "the bias-variance tradeoff"],
      ["give me an example of overfitting", "an example of overfitting"],
      ["quick question: what is a ReLU", "what is a ReLU"],
      ["I have a question about the learning rate", "the learning rate"],
      ["what do you think about batch size", "batch size"],
      ["okay and what about Adam", "Adam"],
      ["hi there, can you explain GANs", "GANs"],
      ["hmm, ok, right, so what is softmax", "what is softmax"],
      ["can you tell me what the difference is between bagging and boosting", "what the difference is between bagging and boosting"],
      ["can you compare L1 and L2", "compare L1 and L2"],
      ["can u explain k-NN to me", "k-NN"],
    ]);
  });

  it("strips closers but keeps the question mark", () => {
    cases([
      ["dropout is used at test time, right?", "dropout is used at test time?"],
      ["so like what is a transformer or something", "what is a transformer"],
      ["could you explain dropout for me, please?", "dropout?"],
      ["what is the role of the learning rate, I guess", "what is the role of the learning rate"],
    ]);
  });
});

describe("stripSpokenFillers: discourse fillers in context", () => {
  it("drops 'like' where it is a filler", () => {
    cases([
      ["what are, like, the main types of RNN", "what are the main types of RNN"],
      ["what's like the difference between L1 and L2", "what's the difference between L1 and L2"],
      ["I don't really, like, understand attention", "I don't really understand attention"],
      ["like, what is a GAN", "what is a GAN"],
    ]);
  });

  it("keeps 'like' that compares or lists, and words that contain it", () => {
    cases([
      ["what is it like to train a GAN", "what is it like to train a GAN"],
      ["is dropout like bagging?", "is dropout like bagging?"],
      ["regularization methods like dropout and L2", "regularization methods like dropout and L2"],
      ["what's the likelihood function", "what's the likelihood function"],
      ["it's kind of like, you know, a smoother ReLU?", "it's like a smoother ReLU?"],
      ["unlike bagging, what does boosting do", "unlike bagging, what does boosting do"],
    ]);
  });

  it("drops 'you know', 'I mean', 'kind of', 'sort of' only as fillers", () => {
    cases([
      ["dropout, you know, the regularizer", "dropout the regularizer"],
      ["you know what, explain dropout", "explain dropout"],
      ["I mean, what does the ER diagram show", "what does the ER diagram show"],
      ["what is sort of the intuition behind PCA", "what is the intuition behind PCA"],
      ["how do you know if a model is overfitting", "how do you know if a model is overfitting"],
      ["what do I mean by bias", "what do I mean by bias"],
      ["what kind of regularization works for RNNs", "what kind of regularization works for RNNs"],
      ["is an LSTM a sort of RNN", "is an LSTM a sort of RNN"],
    ]);
  });
});

describe("stripSpokenFillers: what must stay", () => {
  it("keeps technical words that look like fillers or openers", () => {
    cases([
      ["Explain stride.", "Explain stride."],
      ["right skewed distribution", "right skewed distribution"],
      ["well-known optimizers", "well-known optimizers"],
      ["so-called skip connections", "so-called skip connections"],
      ["question answering models", "question answering models"],
      ["can you use dropout in RNNs", "can you use dropout in RNNs"],
      ["what is a 10 mm kernel", "what is a 10 mm kernel"],
      ["ER diagrams and UML", "ER diagrams and UML"],
      ["What Is Data Normalization, and Why Do We Need It", "What Is Data Normalization, and Why Do We Need It"],
      ["Compare and contrast L1-loss vs. L2-loss.", "Compare and contrast L1-loss vs. L2-loss."],
      ["1 1 0 encoding", "1 1 0 encoding"],
    ]);
  });

  it("never empties a query with content", () => {
    cases([
      ["tell me about", "tell me about"],
      ["um uh", "um uh"],
      ["  hmm?  ", "hmm?"],
      ["", ""],
    ]);
  });

  it("reads a query all in capitals as speech, not acronyms", () => {
    cases([["UM WHAT IS DROPOUT", "WHAT IS DROPOUT"]]);
  });
});

describe("isFillerWord", () => {
  it("knows context-free fillers", () => {
    for (const word of ["um", "Umm", "uh,", "uhh", "erm", "er", "hmm", "mm", "basically", "Actually", "literally"]) {
      expect(isFillerWord(word), word).toBe(true);
    }
  });

  it("leaves words that need context, and content words", () => {
    for (const word of ["like", "so", "kind", "know", "mean", "dropout", "umbrella", "error", "human", "ohm", "mmap"]) {
      expect(isFillerWord(word), word).toBe(false);
    }
  });
});
