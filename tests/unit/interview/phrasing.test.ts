import { describe, expect, it } from "vitest";
import { phraseClosing, phraseFollowUp, phraseOpening, phraseQuestion, phraseRepeat, phraseSkip } from "@/lib/interview/phrasing";
import { rewordQuestion } from "@/lib/interview/reword-question";
import type { InterviewStyle } from "@/lib/interview/types";

const STYLES: InterviewStyle[] = ["friendly", "neutral", "tough"];
const SEEDS = Array.from({ length: 40 }, (_, index) => index);

/** Every wording a call gives over many seeds. */
function wordings(make: (seed: number) => string): Set<string> {
  return new Set(SEEDS.map(make));
}

/** Runs of five words of `text`, lower-cased: quoting any of them quotes the text. */
function fiveWordRuns(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, -4).map((_, index) => words.slice(index, index + 5).join(" "));
}

describe("phraseOpening", () => {
  it("greets, says how many questions on which topics, in the style's voice", () => {
    for (const style of STYLES) {
      const text = phraseOpening({ style, questionCount: 5, topics: ["Regularisation", "Activation functions"], seed: 1 });
      expect(text).toMatch(/five questions/i);
      expect(text).toContain("Regularisation and Activation functions");
      expect(text).toMatch(/hint/i);
    }
    expect(phraseOpening({ style: "friendly", questionCount: 5, topics: [], seed: 1 })).toMatch(/welcome|thanks|great to have you/i);
    expect(phraseOpening({ style: "tough", questionCount: 5, topics: [], seed: 1 })).toMatch(/precise/);
  });

  it("names no topic list when every topic is on, and shortens a long one", () => {
    expect(phraseOpening({ style: "neutral", questionCount: 1, topics: [], seed: 2 })).toMatch(/one question on a mix of topics/);
    const many = phraseOpening({ style: "neutral", questionCount: 12, topics: ["A", "B", "C", "D", "E", "F"], seed: 2 });
    expect(many).toContain("twelve questions on A, B, C and 3 more topics");
  });

  it("is deterministic for a seed", () => {
    const make = (seed: number) => phraseOpening({ style: "friendly", questionCount: 3, topics: ["CNNs"], seed });
    expect(make(7)).toBe(make(7));
    expect(wordings(make).size).toBeGreaterThan(1);
  });
});

describe("phraseQuestion", () => {
  const ask = (over: Partial<Parameters<typeof phraseQuestion>[0]> = {}) =>
    phraseQuestion({ style: "neutral", question: "What is dropout?", index: 2, total: 5, previousScore: 3, seed: 1, ...over });

  it("never says the document's numbering or Markdown", () => {
    for (const style of STYLES) {
      for (const seed of SEEDS) {
        const text = ask({ style, seed, question: "**Q12. What Is Gradient Descent**" });
        expect(text).not.toMatch(/Q12|12\.|\*\*/);
        expect(text.toLowerCase()).toContain("gradient descent");
      }
    }
  });

  it("acknowledges the previous answer by its band, never before the first question", () => {
    const friendlyStrong = [...wordings((seed) => ask({ style: "friendly", previousScore: 5, seed }))].join(" ");
    const friendlyWeak = [...wordings((seed) => ask({ style: "friendly", previousScore: 0.5, seed }))].join(" ");
    expect(friendlyStrong).toMatch(/great|excellent|nice/i);
    expect(friendlyStrong).not.toMatch(/tricky|tough one|giving it a go/i);
    expect(friendlyWeak).toMatch(/tricky|tough one|giving it a go/i);
    expect(friendlyWeak).not.toMatch(/great|excellent|nailed/i);
    const toughWeak = [...wordings((seed) => ask({ style: "tough", previousScore: 1, seed }))].join(" ");
    expect(toughWeak).toMatch(/missed the mark|not what i was looking for|didn't answer it/i);
    expect(toughWeak).not.toMatch(/thank|great|no worries/i);
    for (const seed of SEEDS) {
      const first = ask({ style: "friendly", index: 0, previousScore: null, seed });
      expect(first).not.toMatch(/thank|great|no problem|good answer/i);
    }
  });

  it("says when it is the last question", () => {
    for (const style of STYLES) {
      for (const seed of SEEDS.slice(0, 10)) expect(ask({ style, index: 4, total: 5, seed })).toMatch(/last|final|finish/i);
    }
  });

  it("varies its wording with the seed and repeats it for the same seed", () => {
    expect(ask({ seed: 11 })).toBe(ask({ seed: 11 }));
    expect(wordings((seed) => ask({ seed })).size).toBeGreaterThan(3);
  });

  it("is terse when tough: no thanks or praise beyond a word", () => {
    for (const seed of SEEDS) {
      const text = ask({ style: "tough", previousScore: 4.5, seed });
      expect(text).not.toMatch(/thank|great|excellent|nice/i);
      expect(text.split(/\s+/).length).toBeLessThan(16);
    }
  });
});

describe("rewordQuestion", () => {
  it("rewords only safe patterns, keeping the subject", () => {
    const seen = wordings((seed) => rewordQuestion("What is dropout?", "friendly", seed));
    expect(seen).toContain("What is dropout?");
    expect([...seen].some((text) => /in your own words|how would you explain what dropout is/i.test(text))).toBe(true);
    for (const text of seen) expect(text).toMatch(/dropout/);
    const explain = wordings((seed) => rewordQuestion("Explain stride.", "neutral", seed));
    expect([...explain].some((text) => /^(Can you explain|How would you explain|Could you walk me through) stride\?$/.test(text))).toBe(true);
    const works = wordings((seed) => rewordQuestion("How does an LSTM network work?", "neutral", seed));
    expect(works).toContain("Can you walk me through how an LSTM network works?");
  });

  it("leaves questions of several parts, opinions and superlatives as they are", () => {
    for (const question of [
      "What is a vanishing gradient problem? How does it affect training?",
      "What is regularization in neural networks, and why is it used?",
      "What are your thoughts on GPT-3 and OpenAI’s model?",
      "What is the most used activation function?",
      "What is batch normalization used for?",
      "Why do RNNs work better with text data?",
    ]) {
      for (const style of STYLES) expect(wordings((seed) => rewordQuestion(question, style, seed))).toEqual(new Set([question]));
    }
  });
});

describe("phraseFollowUp", () => {
  const point = "Dropout prevents co-adaptation of neurons, so each unit learns features that are useful on its own.";

  it("uses the grader's follow-up question with a lead-in in the style", () => {
    for (const style of STYLES) {
      const text = phraseFollowUp({ style, missedPoint: point, followUp: "What happens to neurons that rely on each other?", seed: 3 });
      expect(text).toMatch(/What happens to neurons that rely on each other\?$/);
      expect(text.length).toBeGreaterThan("What happens to neurons that rely on each other?".length);
    }
  });

  it("never quotes the missed point, even when the grader's follow-up would", () => {
    const leaky = "Did you know that dropout prevents co-adaptation of neurons, so each unit learns useful features?";
    for (const style of STYLES) {
      for (const seed of SEEDS) {
        for (const followUp of [null, leaky]) {
          const text = phraseFollowUp({ style, missedPoint: point, followUp, seed, question: "What is dropout and why does it help?" });
          expect(text).not.toContain(point);
          for (const run of fiveWordRuns(point)) expect(text.toLowerCase()).not.toContain(run);
          expect(text).toMatch(/[?.]$/);
        }
      }
    }
  });

  it("asks about the point's subject when it has one, else its most telling term", () => {
    const bySubject = phraseFollowUp({ style: "neutral", missedPoint: "The learning rate controls how big each update step is.", followUp: null, seed: 1, question: "How do you train a network?" });
    expect(bySubject).toContain("the learning rate");
    expect(bySubject).not.toMatch(/update step/);
    const byTerm = phraseFollowUp({ style: "neutral", missedPoint: "It acts as a regularizer and improves convergence.", followUp: null, seed: 1, question: "What is batch normalization?" });
    expect(byTerm).toMatch(/"(convergence|regularizer)"/);
  });
});

describe("phraseClosing", () => {
  it("says how many answers and their average, with a word fitting the band and style", () => {
    expect(phraseClosing({ style: "friendly", answered: 4, average: 3.5 })).toMatch(/four answers, averaging 3\.5 out of 5/);
    expect(phraseClosing({ style: "friendly", answered: 1, average: 4.5 })).toMatch(/one answer, averaging 4\.5.*great work/i);
    expect(phraseClosing({ style: "tough", answered: 3, average: 1 })).toMatch(/not ready/i);
  });

  it("says nothing about scores when nothing was answered", () => {
    for (const style of STYLES) {
      const text = phraseClosing({ style, answered: 0, average: null });
      expect(text).not.toMatch(/\d/);
      expect(text).toMatch(/no answers|didn't get to any answers/i);
    }
  });
});

describe("phraseRepeat and phraseSkip", () => {
  it("repeats the cleaned question", () => {
    for (const style of STYLES) {
      const text = phraseRepeat({ style, question: "Q3. What Is Gradient Descent", seed: 1 });
      expect(text).toMatch(/What is gradient descent\?$/);
      expect(text).not.toContain("Q3");
    }
  });

  it("acknowledges a skip in the style", () => {
    expect(wordings((seed) => phraseSkip({ style: "friendly", seed })).size).toBeGreaterThan(1);
    for (const seed of SEEDS) expect(phraseSkip({ style: "tough", seed })).not.toMatch(/no problem|sure/i);
  });
});
