import { describe, expect, it } from "vitest";
import { answerClarification, ASKS_THE_QUESTION, questionSubject } from "@/lib/interview/clarify";

const current = {
  questionId: "q-dropout",
  question: "What is dropout and why does it help?",
  keyPoints: [
    "Dropout randomly deactivates a fraction of neurons during training.",
    "It prevents co-adaptation, so each neuron learns features useful on their own.",
    "At inference all neurons are used and the outputs are scaled.",
  ],
};
const passages = [
  {
    // The current question's own reference: never quoted, however well it matches.
    questionId: "q-dropout",
    document: "content/dropout.md",
    line: 4,
    text: "Co-adaptation is when neurons depend on each other to fix mistakes. Dropout randomly deactivates neurons during training, which prevents co-adaptation.",
  },
  {
    questionId: "q-ensembles",
    document: "content/ensembles.md",
    line: 20,
    text: [
      "Co-adaptation means that hidden units rely on specific other units being present.",
      "Dropout deactivates a random fraction of neurons in training, preventing co-adaptation so each neuron learns useful features.",
      "Bagging trains several models on bootstrap samples and averages them.",
    ].join(" "),
  },
  {
    questionId: "q-training",
    document: "content/training.md",
    line: 88,
    text: "An epoch is one full pass over the training data. Training usually runs for many epochs until the validation loss stops improving. What is an epoch?",
  },
];

describe("answerClarification", () => {
  it("answers from the passages with a citation, leaving out the current question's own reference", () => {
    const reply = answerClarification({ message: "what do you mean by co-adaptation?", passages, current });
    expect(reply).not.toBeNull();
    expect(reply!.text).toBe("Co-adaptation means that hidden units rely on specific other units being present. [1]");
    expect(reply!.citations).toEqual([{ document: "content/ensembles.md", line: 20 }]);
  });

  it("leaves out sentences that state one of the current question's key points", () => {
    const reply = answerClarification({ message: "what do you mean by co-adaptation?", passages, current, maxSentences: 3 });
    expect(reply!.text).not.toMatch(/fraction|deactivat|useful features/);
    // Without a current question the same sentence is fair game.
    const free = answerClarification({ message: "what do you mean by co-adaptation?", passages: passages.slice(1, 2), current: null, maxSentences: 3 });
    expect(free!.text).toMatch(/deactivates a random fraction/);
  });

  it("prefers the sentence that defines the term, and skips questions in the passages", () => {
    const reply = answerClarification({ message: "Um, what's an epoch?", passages, current });
    expect(reply!.text.startsWith("An epoch is one full pass over the training data. [1]")).toBe(true);
    expect(reply!.text).not.toContain("What is an epoch?");
    expect(reply!.citations).toEqual([{ document: "content/training.md", line: 88 }]);
  });

  it("keeps to maxSentences and numbers each source once", () => {
    const reply = answerClarification({ message: "what are epochs in training?", passages, current: null, maxSentences: 1 });
    expect(reply!.text.match(/\[\d\]/g)).toHaveLength(1);
    const two = answerClarification({ message: "what are epochs in training?", passages, current: null, maxSentences: 2 });
    expect(two!.citations).toHaveLength(1);
    expect(two!.text.match(/\[1\]/g)!.length).toBeGreaterThanOrEqual(1);
  });

  it("returns null when nothing in the passages is relevant, or nothing is asked", () => {
    expect(answerClarification({ message: "what is a transformer?", passages, current })).toBeNull();
    expect(answerClarification({ message: "what do you mean?", passages, current })).toBeNull();
    expect(answerClarification({ message: "what is co-adaptation?", passages: passages.slice(0, 1), current })).toBeNull();
  });

  it("does not explain what the question itself asks", () => {
    expect(answerClarification({ message: "what is dropout?", passages, current })).toEqual({ text: ASKS_THE_QUESTION, citations: [] });
    // Without the question's text it can only fall back on the key point check.
    const reply = answerClarification({ message: "what is dropout?", passages, current: { ...current, question: undefined } });
    expect(reply?.text ?? "").not.toMatch(/fraction|co-adaptation/);
  });
});

describe("questionSubject", () => {
  it("is what a question asks about, after its frame and before its second clause", () => {
    expect(questionSubject("What are dropout layers, and how do they help in preventing overfitting?")).toBe("dropout layers");
    expect(questionSubject("How does an LSTM network work?")).toBe("an LSTM network");
    expect(questionSubject("Explain stride.")).toBe("stride");
    expect(questionSubject("Suppose you have a NN with 3 layers.")).toBe("");
  });
});
