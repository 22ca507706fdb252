import { describe, expect, it } from "vitest";
import type { Embedder } from "@/lib/embeddings";
import { gradeOfflineByMeaning } from "@/lib/grading/grade-by-meaning";
import { idfFromTexts } from "@/lib/grading/lexical-coverage";
import { buildRubric } from "@/lib/grading/rubric";
import { createConceptEmbedder } from "../../fixtures/search/concept-embedder";

// Each concept is a meaning that several wordings share; the fixture embeds a text by the concepts it names.
const embedder = createConceptEmbedder([
  ["dropout", "drop"],
  ["deactivat", "switch", "silenc", "disabl", "turn"],
  ["neuron", "unit", "node"],
  ["random", "chance", "arbitrar"],
  ["overfit", "memoris", "memoriz"],
  ["reduc", "prevent", "fewer", "less", "curb"],
]);
const reference = "Dropout randomly deactivates neurons during training. It reduces overfitting considerably overall.";
const rubric = buildRubric({ question: "What does dropout do?", sources: [{ document: "content/notes.md", line: 3, answer: reference }] });
const idf = idfFromTexts([reference, "Batch normalisation normalises layer inputs.", "Gradient descent follows the gradient of the loss."]);
// The same two points in other words: hardly a word of the reference.
const paraphrase = "It switches off arbitrary units while the network learns. The model memorises its examples less.";

describe("gradeOfflineByMeaning", () => {
  it("credits a paraphrase in other words by meaning, quoting the sentence that earned it", async () => {
    const lexical = await gradeOfflineByMeaning({ rubric, answer: paraphrase, idf, embedder: null });
    const byMeaning = await gradeOfflineByMeaning({ rubric, answer: paraphrase, idf, embedder });
    expect(lexical.score).toBeLessThanOrEqual(1);
    expect(byMeaning.score).toBeGreaterThanOrEqual(4);
    expect(byMeaning.covered.map((point) => point.evidence)).toEqual(["It switches off arbitrary units while the network learns.", "The model memorises its examples less."]);
  });

  it("gives nothing for the question said back, however near its meaning is to the points", async () => {
    expect((await gradeOfflineByMeaning({ rubric, answer: "What does dropout do?", idf, embedder })).score).toBe(0);
    expect((await gradeOfflineByMeaning({ rubric, answer: "So what dropout does, well, dropout.", idf, embedder })).score).toBe(0);
  });

  it("grades on lexical evidence when the model fails", async () => {
    const failing: Embedder = { modelId: "test/failing", dims: 7, embed: () => Promise.reject(new Error("model crashed")) };
    const result = await gradeOfflineByMeaning({ rubric, answer: reference, idf, embedder: failing });
    expect(result.score).toBe(5);
  });
});
