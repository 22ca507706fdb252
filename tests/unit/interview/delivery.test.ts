import { describe, expect, it } from "vitest";
import { analyzeDelivery } from "@/lib/interview/delivery";

/** The filler texts a span list marks, in order. */
function marked(text: string, spans: { start: number; end: number }[]): string[] {
  return spans.map(({ start, end }) => text.slice(start, end));
}

const words = (count: number, word = "gradient") => Array.from({ length: count }, () => word).join(" ");

describe("analyzeDelivery", () => {
  it("counts fillers and marks exactly where they stand", () => {
    const text = "Um, so, like, dropout is, you know, basically a way to, uh, kind of turn off neurons. Ummm I mean, it's sort of random. So yeah.";
    const notes = analyzeDelivery({ text, spoken: true, durationMs: 12_000 });
    expect(marked(text, notes.fillerSpans)).toEqual(["Um", "like", "you know", "basically", "uh", "kind of", "Ummm", "I mean", "sort of", "So yeah"]);
    expect(notes.fillerCount).toBe(10);
    expect(notes.fillers).toContainEqual({ word: "um", count: 2 });
    expect(notes.fillers).toContainEqual({ word: "like", count: 1 });
    expect(notes.fillers[0]).toEqual({ word: "um", count: 2 });
  });

  it("leaves 'like' alone where it compares or wants, and hedges after a determiner", () => {
    const text = "It looks like dropout. I would like to add that layers like these help, and it sounds like bagging. What kind of layer? This sort of thing is a kind of regularization.";
    expect(analyzeDelivery({ text, spoken: false }).fillerCount).toBe(0);
  });

  it("takes 'like' as a filler next to a hesitation, before a comma or an intensifier", () => {
    const text = "It's like, really important. Umm like the weights change, and it like totally helps.";
    const notes = analyzeDelivery({ text, spoken: true });
    expect(marked(text, notes.fillerSpans)).toEqual(["like", "Umm", "like", "like"]);
  });

  it("leaves 'you know' and 'I mean' alone where they are content", () => {
    const text = "If you know the chain rule, you know the gradient. What I mean is that the weights are shared. Do you know why?";
    expect(analyzeDelivery({ text, spoken: true }).fillerCount).toBe(0);
  });

  it("keeps acronyms in capitals and units apart from hesitations", () => {
    const text = "An ER diagram shows entities; the kernel is 5 mm wide. HMM models are sequence models.";
    expect(analyzeDelivery({ text, spoken: false }).fillerCount).toBe(0);
  });

  it("works out pace for a spoken answer with a duration, none for a typed one", () => {
    const text = words(60);
    const spoken = analyzeDelivery({ text, spoken: true, durationMs: 30_000 });
    expect(spoken).toMatchObject({ words: 60, spoken: true, durationSeconds: 30, wordsPerMinute: 120 });
    expect(spoken.advice).toMatch(/120 words per minute was comfortable/);
    const typed = analyzeDelivery({ text, spoken: false, durationMs: 30_000 });
    expect(typed).toMatchObject({ durationSeconds: null, wordsPerMinute: null });
    expect(typed.advice).not.toMatch(/per minute/);
    expect(analyzeDelivery({ text, spoken: true }).wordsPerMinute).toBeNull();
    expect(analyzeDelivery({ text, spoken: true, durationMs: 0 }).wordsPerMinute).toBeNull();
  });

  it("says when the pace is slow or fast", () => {
    expect(analyzeDelivery({ text: words(60), spoken: true, durationMs: 60_000 }).advice).toMatch(/slow at 60 words per minute/);
    expect(analyzeDelivery({ text: words(100), spoken: true, durationMs: 30_000 }).advice).toMatch(/fast at 200 words per minute/);
  });

  it("judges length on content words: under 25 too short, over 250 too long", () => {
    expect(analyzeDelivery({ text: words(24), spoken: false }).length).toBe("too-short");
    expect(analyzeDelivery({ text: words(25), spoken: false }).length).toBe("good");
    expect(analyzeDelivery({ text: words(250), spoken: false }).length).toBe("good");
    expect(analyzeDelivery({ text: words(251), spoken: false }).length).toBe("too-long");
    // Thirty words of which ten are "um": too short.
    const padded = `${words(20)} ${Array.from({ length: 10 }, () => "um").join(" ")}`;
    const notes = analyzeDelivery({ text: padded, spoken: true });
    expect(notes.words).toBe(30);
    expect(notes.length).toBe("too-short");
    expect(notes.advice).toMatch(/brief at 20 words/);
    expect(notes.advice).toMatch(/filler words \(10 here, mostly "um"\)/);
  });

  it("gives one sentence of advice, even for nothing said", () => {
    const empty = analyzeDelivery({ text: "  ", spoken: true, durationMs: 4_000 });
    expect(empty).toMatchObject({ words: 0, length: "too-short", fillerCount: 0, wordsPerMinute: null });
    for (const notes of [empty, analyzeDelivery({ text: words(300), spoken: true, durationMs: 120_000 })]) {
      expect(notes.advice).toMatch(/^[A-Z][^.]*\.$/);
    }
  });
});
