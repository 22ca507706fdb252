import { describe, expect, it } from "vitest";
import { gradingAnswers, sentences } from "@/lib/cli/bench/grading-answers";
import { inlineScripts, scriptSources } from "@/lib/cli/bench/http-fetch";

describe("scriptSources and inlineScripts", () => {
  const html =
    '<html><head><script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js?v=1&amp;x=2" async></script>' +
    "<script>self.__next_f=self.__next_f||[]</script></head><body><script src='/_next/static/chunks/a.js'></script><script> </script></body></html>";

  it("lists each external script once, in order, with entities decoded", () => {
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?v=1&x=2"]);
  });

  it("lists the inline scripts that have content", () => {
    expect(inlineScripts(html)).toEqual(["self.__next_f=self.__next_f||[]"]);
  });
});

describe("gradingAnswers", () => {
  const bank = [
    { question: "What is dropout?", answer: "Dropout drops units. It prevents co-adaptation. It acts as an ensemble. It is cheap." },
    { question: "Unanswered?", answer: null },
    { question: "What is pooling?", answer: "Pooling reduces resolution. It adds some invariance." },
  ];

  it("answers each answered question three ways: its reference, its first sentence, the next question's answer", () => {
    expect(gradingAnswers(bank)).toEqual([
      { questionIndex: 0, kind: "reference", answer: "Dropout drops units. It prevents co-adaptation. It acts as an ensemble." },
      { questionIndex: 0, kind: "partial", answer: "Dropout drops units." },
      { questionIndex: 0, kind: "off-topic", answer: "Pooling reduces resolution. It adds some invariance." },
      { questionIndex: 2, kind: "reference", answer: "Pooling reduces resolution. It adds some invariance." },
      { questionIndex: 2, kind: "partial", answer: "Pooling reduces resolution." },
      { questionIndex: 2, kind: "off-topic", answer: "Dropout drops units. It prevents co-adaptation." },
    ]);
    expect(gradingAnswers(bank, 1)).toHaveLength(3);
  });

  it("sets code aside when splitting sentences", () => {
    expect(sentences("Use it like this:\n```python\nx = 1. y = 2\n```\nThen train. Done.")).toEqual(["Use it like this: Then train.", "Done."]);
  });
});
