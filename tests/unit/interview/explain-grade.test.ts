import { describe, expect, it } from "vitest";
import { explainGrade } from "@/lib/interview/explain-grade";
import type { GradeView } from "@/lib/interview/types";

const grade: GradeView = {
  score: 2.5,
  covered: [{ point: "Dropout randomly deactivates a fraction of neurons during training.", evidence: "it turns off random neurons while training", coverage: 0.8 }],
  missed: ["It prevents co-adaptation, so each neuron learns features useful on their own.", "At inference all neurons are used and the outputs are scaled by the keep probability."],
  feedback: "A partial answer.",
  followUp: null,
  grader: "local",
  flags: [],
  references: [{ document: "content/dropout.md", line: 4 }],
  question: "What is dropout and why does it help?",
  referenceMarkdown: "Dropout randomly deactivates...",
  isFollowUp: false,
};

describe("explainGrade", () => {
  it("answers for a missed point the message names, with the terms that would have earned it", () => {
    const text = explainGrade({ message: "Why didn't my point about co-adaptation count?", grade });
    expect(text).toMatch(/^\*\*Score: 2\.5 \/ 5\.\*\*/);
    expect(text).toMatch(/did not count because the answer did not make it/);
    expect(text).toContain("It prevents co-adaptation");
    expect(text).toMatch(/\*\*co-adaptation\*\*/);
    expect(text).not.toMatch(/keep probability/);
  });

  it("says a point the message names did count, quoting the words that earned it", () => {
    const text = explainGrade({ message: "didn't I get points for turning off neurons during training?", grade });
    expect(text).toMatch(/That point did count: you said “it turns off random neurons while training”/);
    expect(text).toMatch(/missing: _It prevents co-adaptation/);
  });

  it("otherwise lists what earned points, with the answer's words, and what was missing", () => {
    const text = explainGrade({ message: "why did I lose points?", grade });
    expect(text).toContain("What earned points:");
    expect(text).toContain("- Dropout randomly deactivates a fraction of neurons during training: you said “it turns off random neurons while training”");
    expect(text).toContain("What was missing:");
    expect(text).toContain("- At inference all neurons are used and the outputs are scaled by the keep probability.");
    expect(text).toMatch(/full reference answer is shown/);
  });

  it("names the question's own words as no point: 'why didn't my dropout answer count' gets the full list", () => {
    expect(explainGrade({ message: "why didn't my dropout answer count?", grade })).toContain("What earned points:");
  });

  it("says each flag in plain words", () => {
    const flagged = explainGrade({ message: "why so low?", grade: { ...grade, flags: ["manipulation", "keyword-list", "word-salad", "off-topic", "wrong-statement", "copied-question"] } });
    expect(flagged).toMatch(/spoke to the grader/);
    expect(flagged).toMatch(/listed terms without explaining/);
    expect(flagged).toMatch(/strung the reference's words together/);
    expect(flagged).toMatch(/something other than what was asked/);
    expect(flagged).toMatch(/stated the opposite of the reference/);
    expect(flagged).toMatch(/repeated the question's own words/);
    expect(explainGrade({ message: "why?", grade })).not.toMatch(/grader|opposite/);
  });

  it("says when nothing matched and when the grade was of a follow-up", () => {
    const text = explainGrade({ message: "why zero?", grade: { ...grade, score: 0, covered: [], isFollowUp: true, flags: ["no-answer"] } });
    expect(text).toMatch(/Nothing in the answer matched a key point/);
    expect(text).toMatch(/no answer to grade/);
    expect(text).toMatch(/follow-up, graded only against the points it asked about/);
  });

  it("quotes the answer's words so no Markdown or HTML comes of them", () => {
    const hostile = { ...grade, covered: [{ ...grade.covered[0]!, evidence: "**bold** [click](https://x.test) <img src=x> `code`\n# heading" }] };
    const text = explainGrade({ message: "why did I lose points?", grade: hostile });
    expect(text).toContain("\\*\\*bold\\*\\* \\[click\\](https://x.test) \\<img src=x\\> \\`code\\` \\# heading");
    expect(text).not.toMatch(/(?<!\\)<img/);
  });
});
