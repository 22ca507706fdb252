import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readPdf } from "@/lib/ingest/read-pdf";
import { makePdf } from "./make-pdf";

describe("makePdf (test helper)", () => {
  it("writes a header, an xref whose offsets point at each object, and a trailer", () => {
    const text = new TextDecoder().decode(makePdf([["Hello"]]));
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    const xrefAt = Number(text.match(/startxref\n(\d+)/)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
  });
});

describe("readPdf (unpdf on Node)", () => {
  it("extracts each page's lines and joins pages with a newline", async () => {
    const pdf = makePdf([["Deep learning notes", "1. What is a neuron (unit)?", "It sums weighted inputs."], ["2. Why use ReLU?", "It avoids saturation."]]);
    const text = await readPdf(pdf);
    expect(text.split("\n")).toEqual(["Deep learning notes", "1. What is a neuron (unit)?", "It sums weighted inputs.", "2. Why use ReLU?", "It avoids saturation."]);
  });

  it("leaves the caller's bytes intact", async () => {
    const pdf = makePdf([["1. What is a tensor?"]]);
    const copy = pdf.slice();
    await readPdf(pdf);
    expect(pdf).toEqual(copy);
  });

  it("returns empty text for a page with no text", async () => {
    expect((await readPdf(makePdf([[]]))).trim()).toBe("");
  });

  it("rejects a broken PDF with a bad_request AppError", async () => {
    const broken = new TextEncoder().encode("%PDF-1.4\nthis is not a PDF body\n");
    await expect(readPdf(broken)).rejects.toSatisfy((error: unknown) => error instanceof AppError && error.code === "bad_request" && /could not be read/.test(error.message));
  });
});
