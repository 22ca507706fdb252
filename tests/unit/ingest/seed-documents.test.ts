import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { ParsedDocument } from "@/lib/ingest/types";
import { at, questionTexts, seedBytes } from "./parse-fixtures";

/**
 * The five documents of the default corpus, read byte for byte as stored in `content/`. Expected
 * counts were made by hand from the files (the counting is described above each block); lines
 * were checked with `sed -n Np`.
 */

const parsed = new Map<string, ParsedDocument>();
const seed = (name: string) => parsed.get(name)!;
const NAMES = [
  "neural-network-questions-and-answers.txt",
  "deep-learning-q-and-a-jekyll-page.txt",
  "deep-learning-interview-questions-pdf-text.txt",
  "deep-learning-common-problems.txt",
  "95-neural-network-interview-questions.txt",
];

beforeAll(async () => {
  for (const name of NAMES) parsed.set(name, await parseDocument(seedBytes(name)));
});

const nullAnswerLines = (document: ParsedDocument) => document.questions.filter((question) => question.answer === null).map((question) => question.line);
const allText = (document: ParsedDocument) => document.questions.map((question) => `${question.question}\n${question.answer ?? ""}`).join("\n");

describe("neural-network-questions-and-answers.txt", () => {
  // 3 `##` question headings (lines 3, 16, 29: "## 1) Explain…" and two unnumbered "## Explain…")
  // + 10 bare lines 40–49 = 13. `## Links` and its 2 items are references. Lines 40, 43, 48 and
  // 49 have no note and nothing after them: null answers.
  const name = "neural-network-questions-and-answers.txt";

  it("finds the 13 questions, 4 without an answer", () => {
    const document = seed(name);
    expect(document).toMatchObject({ format: "markdown", title: "Questions and Answers" });
    expect(document.questions).toHaveLength(13);
    expect(nullAnswerLines(document)).toEqual([40, 43, 48, 49]);
    expect(document.questions.every((question) => question.section === null)).toBe(true);
  });

  it("reads heading questions with their 1) … answer lists, images dropped", () => {
    const first = at(seed(name), 3);
    expect(first.question).toBe("Explain why you need biases in each hidden layer");
    expect(first.answer!.split("\n")).toHaveLength(6);
    expect(first.answer).toMatch(/^1\) Inputs come in, are weighed and then summed\n2\) Sum is activated/);
    expect(first.answer).not.toContain("images/");
    expect(at(seed(name), 16).question).toBe("Explain when you would use a neural network over logistic regression");
    expect(at(seed(name), 29).question).toBe("Explain the Bias/Variance Tradeoff");
    expect(at(seed(name), 29).answer).toMatch(/5\) Can find balance of bias and variance by regularizing, pruning, etc\.$/);
  });

  it("takes a parenthesised note after a listed question as its answer", () => {
    expect(at(seed(name), 45)).toMatchObject({ question: "What is the problem with sigmoid during backpropagation?", answer: "Very small, between 0.25 and zero." });
    expect(at(seed(name), 47)).toMatchObject({ question: "How to find the best hyper parameters?", answer: "Random search, grid search, Bayesian search (and what it is?)" });
    expect(at(seed(name), 42).question).toBe("Why do RNNs have a tendency to suffer from exploding/vanishing gradient? How to prevent this?");
    expect(at(seed(name), 44).answer).toMatch(/^Beautiful explanation by Alex Seewald: https:\/\/www\.quora\.com\//);
    expect(at(seed(name), 49)).toMatchObject({ question: "Compare and contrast L1-loss vs. L2-loss and L1-regularization vs. L2-regularization.", answer: null });
  });

  it("keeps answer list items and link items out of the questions", () => {
    const texts = questionTexts(seed(name));
    expect(texts.some((text) => /Inputs come in|Logistic regression is like|^Links$|https?:/.test(text))).toBe(false);
  });
});

describe("deep-learning-q-and-a-jekyll-page.txt", () => {
  // `<b>1. …</b>` to `<b>25. …</b>` under the one section `## 1. Deep Learning`: 25, all answered.
  const name = "deep-learning-q-and-a-jekyll-page.txt";

  it("finds the 25 questions under the section Deep Learning, with the front matter title", () => {
    const document = seed(name);
    expect(document).toMatchObject({ format: "html", title: "Q & A" });
    expect(document.questions).toHaveLength(25);
    expect(nullAnswerLines(document)).toEqual([]);
    expect(document.questions.every((question) => question.section === "Deep Learning")).toBe(true);
    expect(document.questions.map((question) => question.line).slice(0, 3)).toEqual([59, 62, 66]);
  });

  it("cleans questions and answers: no tags, no Solution: label", () => {
    expect(at(seed(name), 59)).toMatchObject({
      question: "Why is it necessary to introduce non-linearities in a neural network?",
      answer: expect.stringMatching(/^otherwise, we would have a composition of linear functions/),
    });
    expect(at(seed(name), 62).answer).toBe("Using ReLU activation instead of sigmoid.\nUsing Xavier initialization.");
    expect(at(seed(name), 132).question).toBe("True/false: adding L2 regularization to a RNN can help with the vanishing gradient problem.");
    expect(allText(seed(name))).not.toMatch(/<br>|<b>|MathJax|\{:toc\}|border-collapse|^Solution:/m);
  });

  it("keeps Chinese answers and LaTeX intact", () => {
    expect(at(seed(name), 73).answer).toMatch(/^输入遮挡：遮挡输入图像的一部分，看看哪部分对分类的影响最大。/);
    expect(at(seed(name), 73).answer).toContain("\n激活最大化：创建一个人造的输入图像，以最大化目标响应（梯度上升)");
    expect(at(seed(name), 114).answer).toMatch(/^如果不打乱数据的顺序，那么假设我们训练一个神经网络分类器/);
    expect(at(seed(name), 138).answer).toContain("$\\alpha \\left \\| w \\right \\|^{2}$");
    expect(at(seed(name), 138).answer).toContain("\n$$w = w - \\triangledown C(w) - 2\\alpha w = (1-2\\alpha)w -\\triangledown C(w)$$\n");
  });
});

describe("deep-learning-interview-questions-pdf-text.txt", () => {
  // 139 lines match /^(- )?(\*\*)?\d{1,3}[.)]/. Questions: 1–51 as `N.`, 52–60, 62–100 and
  // 102–103 as `N)` (61, 101 and 104 do not exist in the text), 105–129 as `N.` with 108 written
  // `- **108.**`: 51 + 9 + 39 + 2 + 25 = 126. The other 13 are answer lists: line 17 `1. An
  // input layer`, 19–20 `- 2./- 3.`, 149–152 `- 1.…- 4.`, 260–261 `- 1./- 2.`, and the bare
  // `1.`–`4.` at 428–440 inside answer 37.
  const name = "deep-learning-interview-questions-pdf-text.txt";

  it("finds the 126 questions across the switch from N. to N) and back", () => {
    const document = seed(name);
    expect(document).toMatchObject({ format: "markdown", title: null });
    expect(document.questions).toHaveLength(126);
    expect(nullAnswerLines(document)).toEqual([]);
    expect(at(document, 3).question).toBe("What is Deep Learning?");
    expect(at(document, 626).question).toBe("Describe a project you worked on and the tools/frameworks you used?");
    expect(at(document, 649).question).toBe("What is deep learning?");
    expect(at(document, 708).question).toBe("What is the use of Deep learning in today's age, and how is it adding data scientists?");
    expect(at(document, 1032).question).toBe("Describe two ways to visualize features of a CNN in an image classification task.");
    expect(at(document, 1124).question).toBe("Describe how L2 regularization can be explained as a sort of a weight decay.");
  });

  it("leaves numbered and bulleted answer lists inside their answers", () => {
    const document = seed(name);
    const texts = questionTexts(document);
    for (const junk of [/^An input layer$/, /^A hidden layer/, /^Convolutional Layer/, /^Generator$/, /How many of your friends/]) {
      expect(texts.some((text) => junk.test(text))).toBe(false);
    }
    expect(document.questions.some((question) => [17, 19, 20, 149, 260, 428, 432, 436, 440].includes(question.line))).toBe(false);
    expect(at(document, 9).answer).toContain("\n1. An input layer\n");
  });

  it("keeps code (with its # comments), LaTeX and tables; drops <u> tags", () => {
    const document = seed(name);
    expect(at(document, 195).answer).toContain("```\na = tf.placeholder (tf.float32)");
    expect(at(document, 195).answer).toContain("\n# Launch Session\n");
    expect(at(document, 46).answer).toContain("$$C = \\frac{1}{2}(Y - \\hat{Y})$$");
    expect(at(document, 114).answer).toMatch(/^\| Batch Gradient Descent \| Stochastic Gradient Descent \|/);
    expect(at(document, 3).answer).toMatch(/^Deep Learning involves taking large volumes/);
    expect(allText(document)).not.toMatch(/<\/?u>/);
  });
});

describe("deep-learning-common-problems.txt", () => {
  // `**1. …**` to `**82. …**`: 82. Empty `*solution*` sections follow 31–35, 45, 48, 52, 58 and
  // 80: 10 null answers.
  const name = "deep-learning-common-problems.txt";

  it("finds the 82 bold-numbered questions, 10 without an answer", () => {
    const document = seed(name);
    expect(document).toMatchObject({ format: "markdown", title: "Some common problems and answers" });
    expect(document.questions).toHaveLength(82);
    expect(nullAnswerLines(document)).toEqual([298, 302, 306, 310, 314, 405, 425, 459, 509, 659]);
  });

  it("cleans bold that is broken mid-question and keeps statement-like questions", () => {
    const document = seed(name);
    expect(at(document, 405).question).toBe("What’s your favorite algorithm, and can you explain it to me in less than a minute?");
    expect(at(document, 539).question).toBe(
      "Given two strings, A and B, of the same length n, find whether it is possible to cut both strings at a common point such that the first part of A and the second part of B form a palindrome.",
    );
    expect(at(document, 520).question).toBe("Pick an algorithm. Write the pseudo-code for a parallel implementation.");
    expect(at(document, 30).question).toBe("What Is Data Normalization, and Why Do We Need It");
  });

  it("drops *solution* labels, keeps code and tables, trims the page's trailing links", () => {
    const document = seed(name);
    expect(at(document, 4).answer).toMatch(/^Deep Learning involves taking large volumes/);
    expect(document.questions.some((question) => /^\*?solution/i.test(question.answer ?? ""))).toBe(false);
    expect(at(document, 211).answer).toContain("```\na = tf.constant(2.0,tf.float32)\n\nb = tf.constant(3.0)");
    expect(at(document, 211).answer).toContain("# Launch Session");
    expect(at(document, 119).answer).toContain("|The batch gradient computes the gradient using the entire dataset  |");
    expect(at(document, 597).answer).toBe("[click](https://github.com/Laudarisd/Awesome_APIs)");
    expect(at(document, 671).answer).toMatch(/add Gaussian blur$/);
    expect(at(document, 10).answer).toContain("* An input layer\n* A hidden layer");
    expect(questionTexts(document)).not.toContain("An input layer");
  });
});

describe("95-neural-network-interview-questions.txt", () => {
  // `## 1. …` to `## 15. …`; `###`/`####` headings (`### Why Use Regularization?` and
  // `#### 1. Proper Initialization` included) are inside answers; `# …` lines in code are comments.
  const name = "95-neural-network-interview-questions.txt";

  it("finds the 15 heading questions", () => {
    const document = seed(name);
    expect(document).toMatchObject({ format: "markdown", title: "95 Common Neural Networks Interview Questions" });
    expect(document.questions).toHaveLength(15);
    expect(nullAnswerLines(document)).toEqual([]);
    expect(at(document, 14).question).toBe("What is a neural network, and how does it resemble human brain functionality?");
    expect(at(document, 64).question).toBe("Elaborate on the structure of a basic artificial neuron.");
    expect(at(document, 794).question).toBe("What are skip connections and residual blocks in neural networks?");
  });

  it("repairs the mojibake in questions and answers", () => {
    const document = seed(name);
    expect(at(document, 397).question).toBe("What’s the difference between fully connected and convolutional layers in a network?");
    expect(at(document, 368).answer).toContain("backpropagation—this **tuning process**");
    expect(allText(document)).not.toMatch(/â€|ðŸ/);
  });

  it("keeps subsections, code and LaTeX in answers, and the page's footer out", () => {
    const document = seed(name);
    const texts = questionTexts(document);
    for (const heading of ["Structural Parallels", "Why Use Regularization?", "Proper Initialization", "Sigmoid Function"]) expect(texts).not.toContain(heading);
    expect(at(document, 14).answer).toContain("### Structural Parallels");
    expect(at(document, 14).answer).toContain("```python\n# Sigmoid Function\ndef sigmoid(x):");
    expect(at(document, 64).answer).toContain("$$\ny = f(\\sum_{i=1}^{n} w_i \\cdot x_i + b)\n$$");
    expect(at(document, 794).answer).toMatch(/z2 = tf\.keras\.layers\.Activation\('relu'\)\(z2\)\n```$/);
    expect(allText(document)).not.toMatch(/Explore all 95 answers|<br>|<img/);
  });
});
