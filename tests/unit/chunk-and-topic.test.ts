import { describe, expect, it } from "vitest";
import { chunkText } from "@/lib/ingest/chunk-text";
import { deriveTopic, GENERAL_TOPIC } from "@/lib/ingest/derive-topic";

describe("chunkText", () => {
  it("keeps a short answer whole and drops an empty one", () => {
    expect(chunkText("Dropout zeroes activations.")).toEqual(["Dropout zeroes activations."]);
    expect(chunkText("   \n ")).toEqual([]);
  });

  it("splits at paragraphs, never exceeding the limit", () => {
    const paragraph = "Word ".repeat(30).trim();
    const chunks = chunkText([paragraph, paragraph, paragraph, paragraph].join("\n\n"), 350);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(350);
    expect(chunks.join(" ").split("Word").length - 1).toBe(120);
  });

  it("keeps a fenced code block and a display formula whole", () => {
    const code = "```python\ndef f(x):\n\n    return x\n```";
    const math = "$$\nw = w - \\eta \\nabla C\n$$";
    const text = `${"Intro sentence. ".repeat(10)}\n\n${code}\n\n${math}\n\n${"Outro sentence. ".repeat(10)}`;
    const chunks = chunkText(text, 200);
    expect(chunks.some((chunk) => chunk.includes(code))).toBe(true);
    expect(chunks.some((chunk) => chunk.includes(math))).toBe(true);
  });

  it("splits a long paragraph at sentences, and a run-on sentence at words", () => {
    const sentences = Array.from({ length: 20 }, (_, i) => `Sentence number ${i} is here.`).join(" ");
    const chunks = chunkText(sentences, 100);
    expect(chunks.every((chunk) => chunk.length <= 100)).toBe(true);
    expect(chunks[0]).toMatch(/^Sentence number 0 is here\./);
    const runOn = "word ".repeat(100);
    expect(chunkText(runOn, 60).every((chunk) => chunk.length <= 60)).toBe(true);
  });

  it("loses nothing of a long run without spaces, and caps an unclosed fence", () => {
    const blob = "A".repeat(2500);
    const chunks = chunkText(blob, 1000);
    expect(chunks.join("")).toBe(blob);
    expect(chunks.every((chunk) => chunk.length <= 1000)).toBe(true);
    const unclosed = `\`\`\`python\n${"x = 1\n".repeat(1200)}`;
    expect(chunkText(unclosed, 1000).every((chunk) => chunk.length <= 2000)).toBe(true);
  });
});

describe("deriveTopic", () => {
  it("names the specific area before the broad one", () => {
    expect(deriveTopic("How does an LSTM network work?", null)).toBe("Recurrent networks and sequences");
    expect(deriveTopic("What are some advantages in using a CNN rather than a DNN?", null)).toBe("Convolutional networks");
    expect(deriveTopic("What is dropout?", null)).toBe("Regularisation");
    expect(deriveTopic("Explain the idea behind the Adam optimizer.", null)).toBe("Optimisation and training");
    expect(deriveTopic("What is a Neural Network?", null)).toBe("Neural network basics");
  });

  it("falls back to the answer, then to General", () => {
    expect(deriveTopic("Why is this useful?", "Because dropout prevents overfitting.")).toBe("Regularisation");
    expect(deriveTopic("Describe a project you worked on.", null)).toBe(GENERAL_TOPIC);
  });
});
