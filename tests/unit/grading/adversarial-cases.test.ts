import { describe, expect, it } from "vitest";
import { adversarialCases } from "@/lib/grading/eval/adversarial-cases";

const bank = Array.from({ length: 6 }, (_, index) => ({
  question: `What is technique number ${index}?`,
  answer: `Technique ${index} normalises activations across mini-batches during training. It stabilises gradients and allows higher learning rates. It also acts as a mild regulariser against overfitting.`,
}));

describe("adversarialCases", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(adversarialCases(bank, { seed: 3, questions: 4 })).toEqual(adversarialCases(bank, { seed: 3, questions: 4 }));
    expect(adversarialCases(bank, { seed: 3, questions: 4 })).not.toEqual(adversarialCases(bank, { seed: 4, questions: 4 }));
  });

  it("makes every kind of attempt for each chosen question, with honest baselines apart", () => {
    const cases = adversarialCases(bank, { questions: 2 });
    const kinds = new Set(cases.map((entry) => entry.kind));
    expect(kinds.size).toBe(cases.length / 2);
    expect(cases.filter((entry) => entry.injection).every((entry) => entry.manipulation)).toBe(true);
    expect(cases.filter((entry) => !entry.manipulation).map((entry) => entry.kind).sort()).toEqual([
      "reference (honest baseline)",
      "reference (honest baseline)",
      "reference plus a wrong claim",
      "reference plus a wrong claim",
      "wrong answer (plain)",
      "wrong answer (plain)",
    ]);
    const copied = cases.find((entry) => entry.kind === "question copied")!;
    expect(bank[copied.questionIndex]!.question).toBe(copied.answer);
    const wrong = cases.find((entry) => entry.kind === "reference plus a wrong claim")!;
    expect(wrong.answer).toMatch(/\b(?:is|are|can|does|do|will) not\b|It is not true that/);
  });
});
