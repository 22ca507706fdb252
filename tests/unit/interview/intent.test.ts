import { describe, expect, it } from "vitest";
import { classifyMessage } from "@/lib/interview/intent";
import type { MessageIntent } from "@/lib/interview/types";

const during = (text: string) => classifyMessage({ text, awaitingAnswer: true, hasFeedback: false });
const afterFeedback = (text: string) => classifyMessage({ text, awaitingAnswer: true, hasFeedback: true });

/** Every text classified as `intent`; the mismatches are listed together when some are not. */
function expectAll(intent: MessageIntent, texts: string[], classify = during) {
  const wrong = texts.map((text) => ({ text, got: classify(text) })).filter(({ got }) => got !== intent);
  expect(wrong).toEqual([]);
}

describe("classifyMessage", () => {
  it("takes requests for a hint, however they are put", () => {
    expectAll("hint", [
      "hint?",
      "Hint please",
      "can I get a hint",
      "Can I get a hint?",
      "give me a clue",
      "Could you give me a small hint?",
      "any tips?",
      "I need a hint.",
      "I'd like a hint please",
      "um, can I have a hint?",
      "Hmm, I'm not sure. Can you give me a hint?",
      "I don't know, can I get a hint?",
      "I'm stuck, any hints?",
      "I'm stuck",
      "help",
      "Help me out with a nudge?",
      "another hint",
      "One more hint please",
      "hint hint",
      "What's the answer?",
      "can you just tell me the answer",
    ]);
  });

  it("takes requests to skip, including declining to answer", () => {
    expectAll("skip", [
      "skip",
      "Skip.",
      "next question",
      "Next question please",
      "next",
      "pass",
      "I'll pass on this one",
      "I pass",
      "can we skip this one?",
      "Let's move on",
      "let's skip this",
      "I don't want to answer this",
      "I don't want to answer this one.",
      "I'd rather not answer that",
      "no idea, skip",
      "Sorry, can we move on to the next question?",
      "Next please, I don't know this one",
      "Ok next",
    ]);
  });

  it("takes requests to hear the question again", () => {
    expectAll("repeat", [
      "repeat",
      "Repeat please",
      "can you repeat the question",
      "Could you repeat the question please?",
      "say that again",
      "Say that again?",
      "sorry, what was the question?",
      "What was the question again?",
      "come again?",
      "Sorry, I didn't catch that.",
      "Pardon?",
      "Can you read it again?",
      "what?",
      "Explain it again please",
      "Could you rephrase the question?",
      "Sorry, could you say the question one more time?",
    ]);
  });

  it("takes questions about the last grade, only when there is feedback", () => {
    const texts = [
      "why didn't that count?",
      "Why didn't that count",
      "why did I lose points",
      "Why did I lose points on that?",
      "what did I miss",
      "What did I miss?",
      "how could I have scored higher",
      "How could I have scored higher?",
      "why only 2?",
      "Why did I get a 2 out of 5?",
      "why is my score so low?",
      "What was wrong with my answer?",
      "What should I have said?",
      "what's the right answer?",
      "What's the answer?",
      "Can you explain my score?",
      "But I did mention co-adaptation, why didn't it count?",
      "Why didn't my point about overfitting count? I said dropout prevents it.",
    ];
    expectAll("feedback-question", texts, afterFeedback);
    // Before any feedback these are not about a grade.
    for (const text of texts) expect(during(text)).not.toBe("feedback-question");
  });

  it("takes short clarifying questions and requests for a definition", () => {
    expectAll("clarify", [
      "what do you mean by co-adaptation?",
      "What do you mean by co-adaptation",
      "do you mean in CNNs or in general?",
      "Do you mean in CNNs or in general",
      "what is an epoch?",
      "What's an epoch?",
      "what are hyperparameters?",
      "What does ReLU stand for?",
      "what does stride mean here?",
      "What is meant by internal covariate shift?",
      "Should I talk about CNNs specifically?",
      "Are you asking about training or inference?",
      "Could you clarify the question?",
      "can you explain what you mean by capacity?",
      "sorry, what do you mean by that?",
      "Um, what's a saddle point?",
      "Is the question about batch norm or layer norm?",
      "Like, what is a gradient?",
      "Wait, is this about RNNs or CNNs?",
      "Is it okay if I use an example?",
      "Can you give me an example?",
      "What does the question mean?",
      "Help me understand the question",
    ]);
  });

  it("keeps answers as answers, question marks, hints and all", () => {
    expectAll("answer", [
      "Dropout randomly turns off neurons during training so the network cannot rely on any one of them.",
      "So what happens is the gradient gets smaller and smaller as it goes back through the layers.",
      "So what happens is the gradient vanishes?",
      "Is it because the gradients vanish?",
      "Isn't it about reducing overfitting?",
      "Dropout is a regularization technique, right?",
      "What is dropout? It's a way to regularize a network by dropping units at random.",
      "I don't know",
      "I don't know.",
      "No idea",
      "Um, I'm not sure",
      "The hint is in the name: it drops units.",
      "Batch norm normalizes each mini-batch, which is a hint that it also regularizes a bit, since the statistics are noisy from batch to batch and that noise acts like dropout.",
      "Pass the gradients back through the network using the chain rule.",
      "The next layer receives the pooled feature maps.",
      "We skip connections in residual networks so gradients flow directly.",
      "Repeat the forward pass for each mini-batch and then update the weights.",
      "You would skip the nonlinearity and then it collapses to a linear model?",
      "what is the gradient of the loss with respect to each weight, computed layer by layer with the chain rule",
      "I think it's related to the chain rule?",
      "I'd say overfitting, right?",
      "Gradient descent? It's an optimization algorithm.",
      "why is dropout not used at test time?",
      "Yes",
      "No.",
      "I give up",
      "Honestly no idea",
      "",
      "   ",
    ]);
  });

  it("keeps answers as answers after feedback too (answers to a follow-up)", () => {
    expectAll(
      "answer",
      [
        "Why it works: only a fraction of neurons is active, so no neuron can depend on another.",
        "It prevents co-adaptation, so neurons learn features that are useful on their own.",
        "At test time all neurons are used and the outputs are scaled by the keep probability.",
        "I don't know",
      ],
      afterFeedback,
    );
  });

  it("between questions, takes any short question as a question about the material", () => {
    const between = (text: string) => classifyMessage({ text, awaitingAnswer: false, hasFeedback: true });
    expect(between("How does dropout work at test time?")).toBe("clarify");
    expect(between("is batch norm applied before the activation?")).toBe("clarify");
    expect(between("why did I lose points?")).toBe("feedback-question");
    expect(between("next")).toBe("skip");
    expect(between("thanks, that makes sense")).toBe("answer");
    // While an answer is awaited the same question is an answer given as a question.
    expect(classifyMessage({ text: "is batch norm applied before the activation?", awaitingAnswer: true, hasFeedback: true })).toBe("answer");
  });
});
