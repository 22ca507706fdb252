import { describe, expect, it } from "vitest";
import { contradicts } from "@/lib/grading/contradiction";

describe("contradicts", () => {
  it("catches an opposite or a negated restatement", () => {
    expect(contradicts("Dropout reduces overfitting.", "Dropout increases overfitting.")).toBe(true);
    expect(contradicts("Batch normalisation allows higher learning rates during training.", "Batch normalisation does not allow higher learning rates during training.")).toBe(true);
  });

  it("reads an opposite under a negation as agreement", () => {
    const point = "Local variables can only be accessed inside the member function that defines them.";
    expect(contradicts(point, "Local variables declared in a function body cannot be used outside of that function body.")).toBe(false);
  });

  it("lets a word of the point's own family cancel its opposite", () => {
    expect(contradicts("Divide a problem into smaller subproblems and solve them recursively.", "Dividing a larger problem into the smallest instances of it.")).toBe(false);
  });

  it("does not read a negation in a long sentence that adds much to the point as negating the point", () => {
    const point = "In the array declaration, or by using an initializer list.";
    const sentence =
      "Array lengths can be specified in the declaration between the brackets, or implicitly by an initializer list without a number between the brackets, and the compiler counts the elements needed for the list.";
    expect(contradicts(point, sentence)).toBe(false);
  });
});
