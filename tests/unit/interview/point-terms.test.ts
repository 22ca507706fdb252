import { describe, expect, it } from "vitest";
import { plainPoint, rareTerms, subjectPhrase } from "@/lib/interview/point-terms";
import { chance, pick } from "@/lib/interview/seeded-pick";

describe("plainPoint", () => {
  it("drops emphasis, code ticks, display math and table pipes", () => {
    expect(plainPoint("**Dropout** uses `p` and $$ y = x/p $$ here")).toBe("Dropout uses p and here");
    expect(plainPoint("|Batch | Stochastic|")).toBe("Batch; Stochastic");
  });
});

describe("subjectPhrase", () => {
  it("finds a sentence's plain subject, ended by a verb or a dash", () => {
    expect(subjectPhrase("Dropout layers address overfitting by deactivating neurons.")).toBe("dropout layers");
    expect(subjectPhrase("The learning rate controls the step size.")).toBe("the learning rate");
    expect(subjectPhrase("Convolutional Layer - the layer that performs a convolution.")).toBe("convolutional layer");
    expect(subjectPhrase("ReLU is the most used activation.")).toBe("ReLU");
  });

  it("gives up rather than guess: pronouns, no visible boundary, coordinated subjects", () => {
    expect(subjectPhrase("It prevents co-adaptation.")).toBeNull();
    expect(subjectPhrase("This stops neurons from co-adapting.")).toBeNull();
    expect(subjectPhrase("Regularization techniques discourage complexity, leading to better models.")).toBeNull();
    expect(subjectPhrase("Tensorflow supports both CPU and GPU devices.")).toBeNull();
    expect(subjectPhrase("The Bias-Variance Tradeoff")).toBeNull();
  });
});

describe("rareTerms", () => {
  it("prefers concept words over everyday ones, and the rarest in the rubric, leaving out excluded words", () => {
    const point = "Dropout randomly deactivates a fraction of neurons during training, which prevents co-adaptation.";
    const others = ["Neurons in the network learn robust features.", "At inference all neurons are used."];
    const terms = rareTerms({ point, others, exclude: ["What is dropout?"], max: 3 });
    expect(terms).not.toContain("dropout");
    expect(terms).not.toContain("neurons");
    expect(terms).not.toContain("training");
    expect(terms[0]).toBe("co-adaptation");
    expect(terms).toHaveLength(3);
  });
});

describe("pick and chance", () => {
  it("are deterministic for a seed and salt, and vary across seeds", () => {
    const items = ["a", "b", "c", "d"];
    expect(pick(items, 42, "x")).toBe(pick(items, 42, "x"));
    expect(new Set(Array.from({ length: 50 }, (_, seed) => pick(items, seed, "x"))).size).toBe(4);
    expect(new Set(Array.from({ length: 50 }, (_, seed) => pick(items, `session-1:${seed}`, "x"))).size).toBe(4);
    const hits = Array.from({ length: 1000 }, (_, seed) => chance(0.3, seed, "y")).filter(Boolean).length;
    expect(hits).toBeGreaterThan(200);
    expect(hits).toBeLessThan(400);
    expect(() => pick([], 1, "empty")).toThrow(/no items/);
  });
});
