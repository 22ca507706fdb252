import { describe, expect, it } from "vitest";
import { buildRubric } from "@/lib/grading/rubric";
import { splitKeyPoints } from "@/lib/grading/split-key-points";

describe("splitKeyPoints", () => {
  it("makes each sentence and list item a point, with labels, links and images dropped", () => {
    const answer = [
      "Answer:",
      "Dropout randomly zeroes activations during training. It stops units from co-adapting.",
      "",
      "- It acts like an ensemble of thinned networks.",
      "- At test time all units are kept and scaled.",
      "![diagram](dropout.png)",
      "https://example.com/dropout",
      "You can learn more about it here: a tutorial.",
    ].join("\n");
    expect(splitKeyPoints(answer).map((point) => point.text)).toEqual([
      "Dropout randomly zeroes activations during training.",
      "It stops units from co-adapting.",
      "It acts like an ensemble of thinned networks.",
      "At test time all units are kept and scaled.",
    ]);
  });

  it("leaves code out, keeps a formula with its sentence, and does not split on e.g. or decimals", () => {
    const answer = [
      "Softmax turns scores into probabilities, e.g. for 10 classes the outputs sum to 1.0 exactly.",
      "$$",
      "\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}",
      "$$",
      "```python",
      "def softmax(z): return np.exp(z) / np.exp(z).sum()",
      "```",
      "It is used in the output layer of classifiers.",
    ].join("\n");
    const points = splitKeyPoints(answer);
    expect(points).toHaveLength(2);
    expect(points[0]!.text).toMatch(/^Softmax turns scores .* sum to 1\.0 exactly\. \$\$ \\sigma/);
    expect(points.some((point) => point.text.includes("def softmax"))).toBe(false);
  });

  it("marks examples and joins fragments too short to be a point", () => {
    const points = splitKeyPoints("Yes. Batch normalisation normalises each layer's inputs over the mini-batch. For example, a CNN normalises per channel.");
    expect(points).toEqual([
      { text: "Yes. Batch normalisation normalises each layer's inputs over the mini-batch.", kind: "point" },
      { text: "For example, a CNN normalises per channel.", kind: "example" },
    ]);
  });
});

describe("buildRubric", () => {
  const sources = [
    { document: "content/a.md", line: 3, answer: "Overfitting is when a model fits noise in the training data. It generalises poorly to new data." },
    { document: "content/b.md", line: 9, answer: "A model overfits when it fits the noise in its training data. Regularisation and more data help. For example, dropout drops random units while training." },
  ];

  it("keeps a point two documents make once, citing both", () => {
    const rubric = buildRubric({ question: "What is overfitting?", sources });
    const noise = rubric.keyPoints.filter((point) => /noise/.test(point.text));
    expect(noise).toHaveLength(1);
    expect(noise[0]!.citations).toEqual([
      { document: "content/a.md", line: 3 },
      { document: "content/b.md", line: 9 },
    ]);
    expect(rubric.citations).toHaveLength(2);
  });

  it("weights leading points above later ones and examples least, summing to 1", () => {
    const rubric = buildRubric({ question: "What is overfitting?", sources });
    const weights = rubric.keyPoints.map((point) => point.weight);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(weights[0]).toBeGreaterThan(weights[1]!);
    const example = rubric.keyPoints.find((point) => point.kind === "example")!;
    expect(Math.min(...rubric.keyPoints.filter((point) => point.kind === "point").map((point) => point.weight))).toBeGreaterThan(example.weight);
  });

  it("has no points for a question no document answers, and caps long answers", () => {
    expect(buildRubric({ question: "What is YOLO?", sources: [{ document: "content/a.md", line: 1, answer: null }] }).keyPoints).toEqual([]);
    const long = Array.from({ length: 20 }, (_, index) => `Statement number ${index} about gradient descent variants.`).join(" ");
    expect(buildRubric({ question: "Q?", sources: [{ document: "d", line: 1, answer: long }] }).keyPoints.length).toBeLessThanOrEqual(8);
  });

  it("drops a title above the text that explains it, but keeps a list of bare titles", () => {
    const answer = "Stochastic Gradient Descent\n\nStochastic gradient descent updates the parameters with a single training example.\n\nBatch Gradient Descent\n\nBatch gradient descent uses the whole dataset for one update.";
    const rubric = buildRubric({ question: "Explain the variants of gradient descent.", sources: [{ document: "a.md", line: 1, answer }] });
    expect(rubric.keyPoints.map((point) => point.text)).toEqual([
      "Stochastic gradient descent updates the parameters with a single training example.",
      "Batch gradient descent uses the whole dataset for one update.",
    ]);
    const titles = buildRubric({ question: "Name the variants.", sources: [{ document: "a.md", line: 1, answer: "Stochastic Gradient Descent\n\nBatch Gradient Descent\n\nMini-batch Gradient Descent" }] });
    expect(titles.keyPoints).toHaveLength(3);
  });

  it("keeps two sentences of one answer on the same terms as two points", () => {
    const answer = "Stochastic gradient descent uses a single training example per update. Mini-batch gradient descent is a variation of stochastic gradient descent that uses a small batch of examples.";
    const rubric = buildRubric({ question: "Compare the variants.", sources: [{ document: "a.md", line: 1, answer }] });
    expect(rubric.keyPoints).toHaveLength(2);
  });
});
