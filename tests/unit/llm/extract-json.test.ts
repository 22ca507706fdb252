import { describe, expect, it } from "vitest";
import { extractJson } from "@/lib/llm/extract-json";
import { summarizeIssues } from "@/lib/llm/summarize-issues";

describe("extractJson", () => {
  it("parses a reply that is JSON", () => {
    expect(extractJson(' {"score": 4} ')).toEqual({ score: 4 });
    expect(extractJson("[1, 2]")).toEqual([1, 2]);
  });

  it("takes JSON out of fences and prose", () => {
    expect(extractJson('Here you go:\n```json\n{"score": 3, "note": "ok"}\n```\nHope it helps.')).toEqual({ score: 3, note: "ok" });
    expect(extractJson("```\n{\"a\": 1}\n```")).toEqual({ a: 1 });
    expect(extractJson('The grade is {"score": 2, "feedback": "uses {braces} and \\"quotes\\""} as asked.')).toEqual({
      score: 2,
      feedback: 'uses {braces} and "quotes"',
    });
  });

  it("skips <think> blocks and braces that are not JSON", () => {
    expect(extractJson('<think>maybe {"score": 1}?</think>{"score": 5}')).toEqual({ score: 5 });
    expect(extractJson('set {a, b} then {"ok": true}')).toEqual({ ok: true });
  });

  it("returns undefined when there is no JSON object", () => {
    expect(extractJson("I cannot grade this.")).toBeUndefined();
    expect(extractJson('{"score": 4')).toBeUndefined();
    expect(extractJson("")).toBeUndefined();
  });
});

describe("summarizeIssues", () => {
  it("names each path and message, and counts the rest", () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ path: ["items", i], message: "expected string" }));
    expect(summarizeIssues([{ path: [], message: "expected object" }])).toBe("(the whole object): expected object");
    expect(summarizeIssues(issues, 2)).toBe("items.0: expected string; items.1: expected string; and 5 more");
  });
});
