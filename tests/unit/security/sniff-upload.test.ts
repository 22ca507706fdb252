import { describe, expect, it } from "vitest";
import { sniffUpload } from "@/lib/interview/sniff-upload";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const GZIP = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const text = (value: string) => new TextEncoder().encode(value);

// [label, name as sent, bytes, null when taken, else words the refusal must contain]
const CASES: [string, string, Uint8Array, string | null][] = [
  ["Markdown", "notes.md", text("# Notes\n\n1. What is a tensor?\n\nAn array.\n"), null],
  ["Markdown with a UTF-8 BOM", "notes.markdown", Uint8Array.from([0xef, 0xbb, 0xbf, ...text("# Notes\n")]), null],
  ["HTML", "page.html", text("<!doctype html><html><body><p>What?</p></body></html>"), null],
  ["HTML starting with an XML prolog", "page.htm", text('<?xml version="1.0"?><html><body>Hi</body></html>'), null],
  ["text that file-type calls a vCard", "card.txt", text("BEGIN:VCARD\nVERSION:3.0\nWhat is a card?\n"), null],
  ["non-Latin UTF-8 text", "notes.txt", text("什么是张量？ Ein Tensor ist … 🔥\n"), null],
  ["empty text (ingestion says it is empty)", "empty.md", new Uint8Array(0), null],
  ["PDF", "paper.pdf", PDF, null],
  ["PDF with junk before its header", "paper.pdf", Uint8Array.from([...text("junk\n"), ...PDF]), null],
  ["PNG named .md", "notes.md", PNG, "named .md but its content is a PNG image"],
  ["ZIP named .txt", "notes.txt", ZIP, "named .txt but its content is a ZIP archive"],
  ["program named .html", "page.html", EXE, "named .html but its content is a Windows program"],
  ["JPEG named .markdown", "x.markdown", JPEG, "a JPEG image"],
  ["gzip named .htm", "x.htm", GZIP, "a gzip archive"],
  ["PDF named .md", "paper.md", PDF, "named .md but its content is a PDF. Rename it to .pdf"],
  ["text named .pdf", "paper.pdf", text("# Not a PDF at all\n"), "named .pdf but its content is not a PDF (it is text)"],
  ["PNG named .pdf", "paper.pdf", PNG, "named .pdf but its content is not a PDF (it is a PNG image)"],
  ["random bytes named .pdf", "paper.pdf", Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0xff, 0xfe]), "not a format this app knows"],
  ["text with a NUL byte", "notes.txt", text("What is\u0000 a tensor?\n"), "not UTF-8 text"],
  ["Latin-1 text", "notes.txt", Uint8Array.from([...text("caf"), 0xe9, 0x0a]), "Save it as UTF-8"],
  ["UTF-16 text (NUL bytes)", "notes.md", Uint8Array.from([0xff, 0xfe, 0x23, 0, 0x20, 0, 0x48, 0, 0x69, 0]), "its content is UTF-16 text. Save it as UTF-8"],
  ["UTF-16 big-endian text", "notes.txt", Uint8Array.from([0xfe, 0xff, 0, 0x23, 0, 0x20, 0, 0x48]), "its content is UTF-16 text"],
  ["overlong UTF-8 slash", "notes.md", Uint8Array.from([0x2e, 0x2e, 0xc0, 0xaf, 0x78]), "not UTF-8 text"],
  ["program named .exe", "setup.exe", EXE, "This type of file is not taken (it is a Windows program)"],
  ["ZIP named .docx", "notes.docx", ZIP, "This type of file is not taken (it is a ZIP archive)"],
  ["text named .js", "evil.js", text("alert(1)\n"), "This type of file is not taken: add Markdown"],
  ["SVG named .svg", "x.svg", text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "This type of file is not taken"],
  ["PNG named .md with a NUL and a fake extension", "notes.md\u0000.png", PNG, "This type of file is not taken (it is a PNG image)"],
];

describe("sniffUpload", () => {
  it.each(CASES)("%s (%j)", async (_label, name, bytes, refusal) => {
    const result = await sniffUpload({ name, bytes });
    if (refusal === null) expect(result).toEqual({ ok: true });
    else {
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.message).toContain(refusal);
    }
  });
});
