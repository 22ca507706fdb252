import { describe, expect, it } from "vitest";
import { cleanAnswer, cleanQuestion, stripEmphasis } from "@/lib/ingest/clean-text";

const answer = (...lines: (string | [string])[]) =>
  cleanAnswer(lines.map((line) => (Array.isArray(line) ? { text: line[0], verbatim: true } : { text: line, verbatim: false })));

describe("cleanQuestion", () => {
  it("strips numbering in every style, heading marks, bullets and emphasis", () => {
    expect(cleanQuestion("## 1. What is a _neural network_, and how does it resemble _human brain functionality_?")).toBe(
      "What is a neural network, and how does it resemble human brain functionality?",
    );
    expect(cleanQuestion("**1. What is Deep Learning?**")).toBe("What is Deep Learning?");
    expect(cleanQuestion("**108.** Describe two ways to visualize features.")).toBe("Describe two ways to visualize features.");
    expect(cleanQuestion("54) Differentiate supervised and unsupervised deep learning procedures.")).toBe(
      "Differentiate supervised and unsupervised deep learning procedures.",
    );
    expect(cleanQuestion("- Q3: What is a tensor?")).toBe("What is a tensor?");
    expect(cleanQuestion("45. What’s your favorite algorithm, and can you explain it to me in less **than a minute?**")).toBe(
      "What’s your favorite algorithm, and can you explain it to me in less than a minute?",
    );
  });

  it("does not take a leading decimal for numbering", () => {
    expect(cleanQuestion("2.5 million parameters: too many?")).toBe("2.5 million parameters: too many?");
  });

  it("collapses whitespace and keeps code, LaTeX and snake_case intact", () => {
    expect(cleanQuestion("1.  What  does `max_grad_norm` do\n to $x_i * y_i$?")).toBe("What does `max_grad_norm` do to $x_i * y_i$?");
  });

  it("keeps link text and drops images and leftover tags", () => {
    expect(cleanQuestion("What is <u>[dropout](https://x.y/d)</u>? ![](a.png)")).toBe("What is dropout?");
  });
});

describe("stripEmphasis", () => {
  it("removes *, **, _ and __ emphasis only at word boundaries", () => {
    expect(stripEmphasis("*solution* and __bold__ and a*b*c and snake_case_name")).toBe("solution and bold and a*b*c and snake_case_name");
  });
});

describe("cleanAnswer", () => {
  it("drops Solution:, Answer:, Explanation:, *solution* and 答： labels at the start", () => {
    expect(answer("Solution: otherwise, linear.")).toBe("otherwise, linear.");
    expect(answer("*solution*", "", "Deep Learning involves...")).toBe("Deep Learning involves...");
    expect(answer("*Solution:* No, use a log scale.")).toBe("No, use a log scale.");
    expect(answer("Explanation:", "1) Inputs come in")).toBe("1) Inputs come in");
    expect(answer("答：如果不打乱数据的顺序")).toBe("如果不打乱数据的顺序");
    expect(answer("Answer: yes")).toBe("yes");
  });

  it("is null when only labels, images, rules or blank lines are left", () => {
    expect(answer("*solution*", "", "")).toBeNull();
    expect(answer("![](images/1.jpg)", "---", "<br>")).toBeNull();
    expect(answer()).toBeNull();
  });

  it("removes image lines without leaving gaps, and collapses blank runs", () => {
    expect(answer("1) one", "![](images/1.jpg)", "2) two", "", "", "", "after")).toBe("1) one\n2) two\n\nafter");
  });

  it("keeps code blocks verbatim (blank lines and # comments too), LaTeX and tables", () => {
    expect(answer("Code:", ["```python"], ["# Launch Session"], [""], [""], ["x = 1  "], ["```"], "$$w = w - \\alpha \\nabla C$$", "| a | b |", "|---|---|")).toBe(
      "Code:\n```python\n# Launch Session\n\n\nx = 1\n```\n$$w = w - \\alpha \\nabla C$$\n| a | b |\n|---|---|",
    );
  });

  it("trims trailing reference links unless they are the whole answer", () => {
    expect(answer("Blur, flip, rotate.", "", "[click](https://a.b)", "", "[click](https://c.d)")).toBe("Blur, flip, rotate.");
    expect(answer("[click](https://github.com/Laudarisd/Awesome_APIs)")).toBe("[click](https://github.com/Laudarisd/Awesome_APIs)");
  });

  it("drops a Solution: label further down (after a translated restatement)", () => {
    expect(answer("8.比较批处理。", "Solution: batch refers to...")).toBe("8.比较批处理。\nbatch refers to...");
  });
});
