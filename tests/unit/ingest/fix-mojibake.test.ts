import { describe, expect, it } from "vitest";
import { fixMojibake } from "@/lib/ingest/fix-mojibake";

describe("fixMojibake", () => {
  it("restores UTF-8 that was read as Windows-1252", () => {
    expect(fixMojibake("Whatâ€™s the difference")).toBe("What’s the difference");
    expect(fixMojibake("answers here ðŸ‘‰ [site]")).toBe("answers here 👉 [site]");
    expect(fixMojibake("backpropagationâ€”this")).toBe("backpropagation—this");
    expect(fixMojibake("cafÃ© and Ã©tÃ©")).toBe("café and été");
    expect(fixMojibake("Ð¿Ñ€Ð¸Ð²ÐµÑ‚")).toBe("привет");
  });

  it("undoes mojibake applied twice, and drops a garbled byte-order mark", () => {
    expect(fixMojibake("Itâ€™s")).toBe("It’s");
    expect(fixMojibake("ItÃ¢â‚¬â„¢s")).toBe("It’s");
    expect(fixMojibake("ï»¿# Title")).toBe("# Title");
  });

  it("leaves real non-English text, LaTeX and plain ASCII alone", () => {
    for (const text of [
      "café crème, naïve résumé, São Paulo, Ñandú",
      "„Straße“ and «ÉTÉ»",
      "神经网络的输入遮挡：遮挡输入图像的一部分",
      "$\\alpha \\left \\| w \\right \\|^{2}$ and $$w = (1-2\\alpha)w$$",
      "plain ASCII text",
      "±M when |x| > M; 0.25 ≤ σ′",
    ]) {
      expect(fixMojibake(text)).toBe(text);
    }
  });

  it("never changes the number of lines", () => {
    const text = "Whatâ€™s\nðŸ‘‰\nok";
    expect(fixMojibake(text).split("\n")).toHaveLength(3);
  });
});
