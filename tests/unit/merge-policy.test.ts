import { describe, expect, it } from "vitest";
import { canonicalize, mergeAnswers } from "@/lib/ingest/merge-policy";

const source = (question: string, answer: string | null, section: string | null = null) => ({ document: "d", line: 1, question, answer, section });

describe("canonicalize", () => {
  it("takes the first wording punctuated as a question, every distinct answer, and the section as topic", () => {
    const result = canonicalize([
      source("What is the Boltzmann Machine", "A stochastic network."),
      source("What is the Boltzmann Machine?", "A stochastic network.", "Generative models"),
      source("What do you understand by Boltzmann Machine?", "It learns a probability distribution."),
    ]);
    expect(result).toEqual({
      question: "What is the Boltzmann Machine?",
      answer: "A stochastic network.\n\nIt learns a probability distribution.",
      topic: "Generative models",
      mergeKey: "what is the boltzmann machine",
    });
  });

  it("derives a topic when no source has a section", () => {
    expect(canonicalize([source("What is dropout?", null)]).topic).toBe("Regularisation");
  });
});

describe("mergeAnswers", () => {
  it("drops an answer another one contains, on whole words only", () => {
    expect(mergeAnswers(["ReLU is max(0, x).", "ReLU is max(0, x). It is cheap to compute."])).toBe("ReLU is max(0, x). It is cheap to compute.");
    expect(mergeAnswers(["No", "This is not true"])).toBe("No\n\nThis is not true");
    expect(mergeAnswers([null, "  "])).toBeNull();
  });
});
