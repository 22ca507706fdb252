import { describe, expect, it } from "vitest";
import { cleanQuestionText } from "@/lib/interview/clean-question-text";

describe("cleanQuestionText", () => {
  it("strips numbering and labels in every style the documents use", () => {
    const cases: [string, string][] = [
      ["Q12. What is dropout?", "What is dropout?"],
      ["Q12: What is dropout?", "What is dropout?"],
      ["q 7) what  is   an epoch ?", "What is an epoch?"],
      ["12) Explain stride", "Explain stride."],
      ["3. What is a neural network?", "What is a neural network?"],
      ["(4) Define precision and recall", "Define precision and recall."],
      ["Question 4: Define precision and recall:", "Define precision and recall."],
      ["Question #4 - What is an RNN?", "What is an RNN?"],
      ["1.2 What is bias?", "What is bias?"],
      ["Q12. 3) What is dropout?", "What is dropout?"],
      ["- 5. What is pooling?", "What is pooling?"],
    ];
    for (const [raw, clean] of cases) expect(cleanQuestionText(raw), raw).toBe(clean);
  });

  it("strips Markdown headings and emphasis, keeping code and math", () => {
    expect(cleanQuestionText("## 1. What is a _neural network_, and how does it resemble **human brain functionality**?")).toBe(
      "What is a neural network, and how does it resemble human brain functionality?",
    );
    expect(cleanQuestionText("**3. What is a Multi-layer Perception(MLP)?**")).toBe("What is a multi-layer perception (MLP)?");
    expect(cleanQuestionText("What does `torch.no_grad()` do?")).toBe("What does `torch.no_grad()` do?");
    expect(cleanQuestionText("What is $\\sigma(x)$ for large $x$?")).toBe("What is $\\sigma(x)$ for large $x$?");
  });

  it("drops an answer run on after the question, and exam furniture", () => {
    expect(cleanQuestionText("What is X? Ans: X is a thing.")).toBe("What is X?");
    expect(cleanQuestionText("What is dropout? Answer: it drops units.")).toBe("What is dropout?");
    expect(cleanQuestionText("Explain dropout Answer: it drops units")).toBe("Explain dropout.");
    expect(cleanQuestionText("What is LSTM? (5 marks)")).toBe("What is LSTM?");
    // "solution" inside a question is a word, not a label.
    expect(cleanQuestionText("What is the solution: X or Y?")).toBe("What is the solution: X or Y?");
  });

  it("ends a question with a question mark and an instruction with a period", () => {
    expect(cleanQuestionText("What is dropout")).toBe("What is dropout?");
    expect(cleanQuestionText("What is dropout.")).toBe("What is dropout?");
    expect(cleanQuestionText("Is dropout used on the test set")).toBe("Is dropout used on the test set?");
    expect(cleanQuestionText("Explain why you need biases in each hidden layer")).toBe("Explain why you need biases in each hidden layer.");
    expect(cleanQuestionText("Q-learning: how does it work")).toBe("Q-learning: how does it work?");
    expect(cleanQuestionText("What is X??")).toBe("What is X?");
    expect(cleanQuestionText("What is a CNN (convolutional neural network)")).toBe("What is a CNN (convolutional neural network)?");
    expect(cleanQuestionText("What is a vanishing gradient problem? How does it affect training?")).toBe("What is a vanishing gradient problem? How does it affect training?");
  });

  it("lowers Title Case where it is typography, keeping names and acronyms", () => {
    expect(cleanQuestionText("What Is Data Normalization, and Why Do We Need It?")).toBe("What is data normalization, and why do we need it?");
    expect(cleanQuestionText("What Is the Difference Between a Feedforward Neural Network and Recurrent Neural Network?")).toBe(
      "What is the difference between a feedforward neural network and recurrent neural network?",
    );
    expect(cleanQuestionText("What is the Boltzmann Machine?")).toBe("What is the Boltzmann machine?");
    expect(cleanQuestionText("What Are the Softmax and ReLU Functions?")).toBe("What are the softmax and ReLU functions?");
    expect(cleanQuestionText("Why is Tensorflow the Most Preferred Library in Deep Learning?")).toBe("Why is Tensorflow the most preferred library in deep learning?");
    // Ordinary sentence case is left alone, capitals and all.
    expect(cleanQuestionText("What is the difference between R-CNN and CNN?")).toBe("What is the difference between R-CNN and CNN?");
    expect(cleanQuestionText("What are your thoughts on GPT-3 and OpenAI’s model?")).toBe("What are your thoughts on GPT-3 and OpenAI’s model?");
  });

  it("returns an empty string for text without words", () => {
    expect(cleanQuestionText("12.")).toBe("");
    expect(cleanQuestionText("  ** **  ")).toBe("");
  });
});
