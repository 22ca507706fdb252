import { describe, expect, it } from "vitest";
import { extractQuestions } from "@/lib/ingest/extract-questions";
import { splitLines } from "@/lib/ingest/source-lines";
import { at, parseFixture, questionTexts } from "./parse-fixtures";

describe("numbered questions", () => {
  it("1. style: answer lists that restart at 1 are answers, not questions", async () => {
    const document = await parseFixture("numbered-dot.md");
    expect(document).toMatchObject({ format: "markdown", title: "Machine learning basics" });
    expect(document.questions.map((question) => [question.line, question.question])).toEqual([
      [3, "What is overfitting?"],
      [12, "Explain the bias-variance tradeoff."],
      [16, "Why do we normalise inputs?"],
    ]);
    expect(at(document, 3).answer).toBe("Overfitting is when a model learns the noise of its training set.\n\nTwo remedies:\n\n1. More data\n2. Regularisation");
    expect(at(document, 16).answer).toBeNull();
  });

  it("1) style in plain text, with a numbered list inside an answer", async () => {
    const document = await parseFixture("numbered-paren.txt");
    expect(document).toMatchObject({ format: "text", title: null });
    expect(questionTexts(document)).toEqual(["What does a ReLU do?", "Name two optimisers.", "Why use dropout?"]);
    expect(at(document, 6).answer).toBe("Adam and SGD with momentum.\nEach step does this:\n1) compute the gradients\n2) update the weights");
  });

  it("**1.** style: labels dropped, LaTeX kept, a wrapped question joined, an empty answer null", async () => {
    const document = await parseFixture("bold-numbered.md");
    expect(document.title).toBe("Tensor questions");
    expect(document.questions.map((question) => question.line)).toEqual([4, 10, 14, 18]);
    expect(at(document, 4).answer).toBe("A multi-dimensional array with a shape and a dtype.");
    expect(at(document, 10)).toMatchObject({ question: "Explain broadcasting.", answer: "Smaller arrays are stretched along missing dimensions, e.g. $x_i + b$ for every $i$." });
    expect(at(document, 14)).toMatchObject({ question: "What is autograd?", answer: null });
    expect(at(document, 18)).toMatchObject({ question: "Describe the difference between a view and a copy.", answer: "a view shares memory with its base; a copy does not." });
  });

  it("<b>1.</b> style: entities decoded, a bold note inside an answer is not a question, 答： dropped", async () => {
    const document = await parseFixture("html-bold-numbered.html");
    expect(document.format).toBe("html");
    expect(questionTexts(document)).toEqual(["Why do we need non-linear activations?", "What's the role of a bias term?", "Is dropout used at test time?"]);
    expect(document.questions.map((question) => question.line)).toEqual([2, 5, 9]);
    expect(at(document, 2).answer).toBe("without them, stacked layers collapse into one linear map & lose expressive power.");
    expect(at(document, 5).answer).toBe("It shifts the activation:\n**Note:** the bias is learned like a weight.");
    expect(at(document, 9).answer).toBe("不，只在训练时使用。");
  });
});

describe("heading questions", () => {
  it("## 1. and ## 1) headings; subsections, code comments and link sections are not questions", async () => {
    const document = await parseFixture("heading-numbered.md");
    expect(document.questions.map((question) => [question.line, question.question])).toEqual([
      [3, "What is a neural network?"],
      [23, "Explain backpropagation."],
      [31, "How do you pick a learning rate?"],
    ]);
    const first = at(document, 3).answer!;
    expect(first).toContain("### Why does depth help?");
    expect(first).toContain("1. An input layer\n2. Hidden layers");
    expect(first).toContain("```python\n# Not a heading: a comment\ndef relu(x):");
    expect(at(document, 23).answer).toContain("$$\n\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial w}\n$$");
    // Only an image under the last question, then a link section: no answer.
    expect(at(document, 31).answer).toBeNull();
    expect(document.questions.every((question) => question.section === null)).toBe(true);
  });

  it("unnumbered question headings take the nearest section heading above them", async () => {
    const document = await parseFixture("unnumbered-headings.md");
    expect(document.questions.map((question) => [question.line, question.question, question.section])).toEqual([
      [5, "What is ReLU?", "Activation functions"],
      [9, "Explain softmax", "Activation functions"],
      [15, "How does Adam work", "Optimisation"],
      [19, "Define the learning rate", "Optimisation"],
    ]);
    // A non-question heading at the question's level ends its answer.
    expect(at(document, 19).answer).toBe("The step size of each update.");
  });
});

describe("bare lists of questions", () => {
  it("takes each line as a question and a parenthesised note as its answer", async () => {
    const document = await parseFixture("bare-list.txt");
    expect(document.questions.map((question) => [question.line, question.question, question.answer])).toEqual([
      [3, "What is the problem with sigmoid during backpropagation?", "Very small, between 0.25 and zero."],
      [4, "How to find the best hyper parameters?", "Random search, grid search, Bayesian search (and what it is?)"],
      [5, "What is transfer learning?", null],
      [6, "Compare and contrast L1-loss vs. L2-loss.", null],
      [7, "Why does batch norm help? How would you explain it to a beginner?", "It smooths the loss landscape."],
    ]);
  });
});

describe("HTML pages and mojibake", () => {
  it("reads an HTML page: title, headings, entities; scripts, styles and comments ignored", async () => {
    const document = await parseFixture("html-page.html");
    expect(document).toMatchObject({ format: "html", title: "Generics & Types" });
    expect(document.questions.map((question) => [question.line, question.question, question.section])).toEqual([
      [15, "What is <T> in a generic function?", "Type systems"],
      [17, "Why prefer “unknown” over \"any\"?", "Type systems"],
    ]);
    expect(at(document, 15).answer).toBe("A type parameter: the caller's type flows through & is checked statically.");
    expect(at(document, 17).answer).toBe(
      '- It forces a check before use.\n- It keeps errors at compile time.\n```\nfunction f(x: unknown) { if (typeof x === "string" && x.length < 3) return x; }\n```',
    );
  });

  it("repairs mojibake and leaves real accents, Chinese and LaTeX alone", async () => {
    const document = await parseFixture("mojibake.md");
    expect(questionTexts(document)).toEqual(["What’s a tensor?", "Why is the café example here?"]);
    expect(at(document, 3).answer).toBe("A multi-dimensional array — the basic unit 👉 of deep learning.");
    expect(at(document, 7).answer).toBe("Real accents stay: café, naïve. Chinese stays: 神经网络. LaTeX stays: $\\alpha_i \\cdot x$.");
  });
});

describe("other layouts (extractQuestions on lines)", () => {
  const extract = (text: string) => extractQuestions(splitLines(text)).questions.map((question) => [question.line, question.question, question.answer, question.section]);

  it("restarts numbering in each section", () => {
    expect(extract("# Notes\n\n## CNNs\n1. What is a filter?\nA small kernel.\n2. What is stride?\nStep size.\n\n## RNNs\n1. What is an RNN?\nA recurrent net.")).toEqual([
      [4, "What is a filter?", "A small kernel.", "CNNs"],
      [6, "What is stride?", "Step size.", "CNNs"],
      [10, "What is an RNN?", "A recurrent net.", "RNNs"],
    ]);
  });

  it("keeps a same-style numbered answer list that restarts at 1 inside its answer", () => {
    expect(extract("1. What are the steps of training?\n1. Forward pass\n2. Backward pass\n3. Update\n2. Why shuffle data?\nTo avoid order bias.")).toEqual([
      [1, "What are the steps of training?", "1. Forward pass\n2. Backward pass\n3. Update", null],
      [5, "Why shuffle data?", "To avoid order bias.", null],
    ]);
  });

  it("dedents answers written under their question", () => {
    expect(extract("1. What is X?\n   X is a thing.\n   - detail\n     - nested\n2. What is Y?\n   Y.")[0]![2]).toBe("X is a thing.\n- detail\n  - nested");
  });

  it("splits an answer given on the question's line after a dash or a label", () => {
    expect(extract("1. What is X? — X is a thing.\n2. What is Y? Answer: Y is one.\n3. What is Z? Explain with an example.")).toEqual([
      [1, "What is X?", "X is a thing.", null],
      [2, "What is Y?", "Y is one.", null],
      [3, "What is Z? Explain with an example.", null, null],
    ]);
  });

  it("reads a bulleted list of questions when a document has nothing else", () => {
    expect(extract("# Questions\n- What is X?\n- What is Y?\n- Explain Z.").map((question) => question[1])).toEqual(["What is X?", "What is Y?", "Explain Z."]);
  });

  it("does not take a bulleted list of questions inside an answer for questions", () => {
    expect(extract("1. What is a bias?\nIt depends on factors like:\n- How many friends can come?\n- What is the weather?\n2. What is a weight?\nA multiplier.").map((question) => question[1])).toEqual([
      "What is a bias?",
      "What is a weight?",
    ]);
  });
});
