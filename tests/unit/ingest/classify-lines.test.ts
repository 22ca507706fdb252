import { describe, expect, it } from "vitest";
import { classifyLines } from "@/lib/ingest/classify-lines";
import { splitLines } from "@/lib/ingest/source-lines";

const classify = (text: string) => classifyLines(splitLines(text));

describe("classifyLines", () => {
  it("reads ATX and setext headings with their levels", () => {
    const lines = classify("Some common problems\n=====\n\n## 1. Deep Learning\n#### Real Neurons");
    expect(lines.map((line) => [line.kind, line.level])).toEqual([["heading", 1], ["rule", 0], ["blank", 0], ["heading", 2], ["heading", 4]]);
    expect(lines[3]!.numbering).toMatchObject({ value: 1, delimiter: ".", rest: "Deep Learning" });
  });

  it("reads numbering in every style", () => {
    const numbering = (text: string) => classify(text)[0]!.numbering;
    expect(numbering("1. What is it?")).toMatchObject({ value: 1, delimiter: ".", bold: false, rest: "What is it?" });
    expect(numbering("54) Differentiate")).toMatchObject({ value: 54, delimiter: ")" });
    expect(numbering("**1. What is Deep Learning?**")).toMatchObject({ value: 1, bold: true, rest: "What is Deep Learning?**" });
    expect(numbering("- **108.** Describe two ways")).toMatchObject({ value: 108, bold: true, rest: "Describe two ways" });
    expect(numbering("8.比较批处理")).toMatchObject({ value: 8, rest: "比较批处理" });
    expect(numbering("1.5 is a number")).toBeNull();
    expect(numbering("10,000 images")).toBeNull();
    expect(numbering("2018. A year")).toBeNull();
  });

  it("marks fenced code and display math, whose # lines are not headings", () => {
    const lines = classify("```\n# Launch Session\n```\n$$\nx = 1\n$$\n$$a$$");
    expect(lines.map((line) => line.kind)).toEqual(["code", "code", "code", "math", "math", "math", "text"]);
  });

  it("treats an unclosed fence as text so the rest of the document is not lost", () => {
    expect(classify("```\n## 1. What is it?").map((line) => line.kind)).toEqual(["text", "heading"]);
  });

  it("reads bullets, indentation, tables and rules", () => {
    const [bullet, nested, table, rule] = classify("- 2. A hidden layer\n   1. nested\n| a | b |\n***");
    expect(bullet).toMatchObject({ bullet: true, content: "2. A hidden layer", numbering: { value: 2 } });
    expect(nested).toMatchObject({ indent: 3, numbering: { value: 1 } });
    expect(table!.kind).toBe("table");
    expect(rule!.kind).toBe("rule");
  });
});
