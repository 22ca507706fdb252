import { describe, expect, it } from "vitest";
import { buildRubric } from "@/lib/grading/rubric";
import { hintFor, MAX_HINT_LEVEL } from "@/lib/interview/hints";

const reference = [
  "Dropout randomly deactivates a fraction of neurons during training, which prevents co-adaptation.",
  "Because no neuron can rely on another, the network learns more robust features and overfits less.",
  "At inference time all neurons are kept and their outputs are scaled by the keep probability.",
].join(" ");
const rubric = buildRubric({ question: "What is dropout and why does it help?", sources: [{ document: "content/notes.md", line: 12, answer: reference }] });

describe("hintFor", () => {
  it("starts with a direction: what aspect to think about, naming none of the point's terms", () => {
    const hint = hintFor({ rubric, level: 1 });
    expect(hint).toMatchObject({ level: 1, last: false });
    expect(hint.text).toMatch(/^Think about /);
    for (const word of ["deactivates", "fraction", "co-adaptation", "randomly"]) expect(hint.text).not.toContain(word);
  });

  it("then gives one or two rare terms of the most important point, not the question's words", () => {
    const hint = hintFor({ rubric, level: 2 });
    expect(hint).toMatchObject({ level: 2, last: false });
    const terms = [...hint.text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
    expect(terms.length).toBeGreaterThanOrEqual(1);
    expect(terms.length).toBeLessThanOrEqual(2);
    for (const term of terms) {
      expect(rubric.keyPoints[0]!.text.toLowerCase()).toContain(term.toLowerCase());
      expect(term.toLowerCase()).not.toBe("dropout");
    }
  });

  it("then the first half of the point's sentence, never the whole of it", () => {
    const hint = hintFor({ rubric, level: 3 });
    expect(hint).toMatchObject({ level: 3, last: true });
    expect(hint.text).toContain('"Dropout randomly deactivates a fraction..."');
    expect(hint.text).not.toContain("co-adaptation");
    expect(MAX_HINT_LEVEL).toBe(3);
  });

  it("never gives away a whole point or the reference at any level", () => {
    for (let level = 1; level <= 3; level++) {
      const { text } = hintFor({ rubric, level });
      expect(text).not.toContain(reference);
      for (const point of rubric.keyPoints) expect(text).not.toContain(point.text.replace(/[.]$/, ""));
    }
  });

  it("aims at what the answer missed when told", () => {
    const missed = [rubric.keyPoints[2]!.text];
    const hint = hintFor({ rubric, level: 3, missed });
    expect(hint.text).toContain('"At inference time all neurons are kept..."');
    expect(hintFor({ rubric, level: 2, missed }).text).toMatch(/"(probability|inference|outputs|scaled)"/);
  });

  it("clamps the level and marks the last one", () => {
    expect(hintFor({ rubric, level: 0 })).toMatchObject({ level: 1, last: false });
    expect(hintFor({ rubric, level: 9 })).toMatchObject({ level: 3, last: true });
    expect(hintFor({ rubric, level: Number.NaN })).toMatchObject({ level: 1 });
  });

  it("says so when there is no reference to hint from", () => {
    const empty = buildRubric({ question: "What is YOLO?", sources: [{ document: "content/notes.md", line: 3, answer: null }] });
    expect(hintFor({ rubric: empty, level: 1 })).toMatchObject({ level: 1, last: true });
    expect(hintFor({ rubric: empty, level: 1 }).text).toMatch(/no reference answer/);
  });
});
