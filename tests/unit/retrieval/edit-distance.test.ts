import { describe, expect, it } from "vitest";
import { allowedEdits, editDistance } from "@/lib/retrieval/edit-distance";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("dropout", "dropout")).toBe(0);
    expect(editDistance("gradient", "gradiant")).toBe(1);
    expect(editDistance("convolut", "convolutn")).toBe(1);
    expect(editDistance("relu", "rel")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("counts a swap of two neighbouring letters as one slip", () => {
    expect(editDistance("dropuot", "dropout")).toBe(1);
    expect(editDistance("baies", "bayes")).toBe(1);
    expect(editDistance("abcd", "badc")).toBe(2);
    expect(editDistance("ab", "ba")).toBe(1);
  });

  it("allows one slip in short words and two in long ones", () => {
    expect(allowedEdits(4)).toBe(1);
    expect(allowedEdits(6)).toBe(1);
    expect(allowedEdits(7)).toBe(2);
  });
});
