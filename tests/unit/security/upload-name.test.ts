import { describe, expect, it } from "vitest";
import { safeUploadName } from "@/lib/interview/upload-name";

// Each name as a browser (or a hand-made request) might send it, and what is written to disk.
const CASES: [string, string, string | null][] = [
  ["plain", "notes.md", "notes.md"],
  ["spaces and case", "My Interview Notes.MD", "My-Interview-Notes.md"],
  ["parent folders", "../../etc/passwd.md", "passwd.md"],
  ["parent folders, no extension", "../../etc/passwd", null],
  ["only dots", "...md", "document.md"],
  ["dots inside", "a..b...c.md", "a.b.c.md"],
  ["percent-encoded traversal", "..%2F..%2Fsecret.md", "2F.-2Fsecret.md"],
  ["absolute POSIX path", "/etc/cron.d/evil.txt", "evil.txt"],
  ["absolute Windows path", "C:\\Windows\\System32\\evil.txt", "evil.txt"],
  ["Windows drive, no slash", "C:evil.md", "C-evil.md"],
  ["UNC path", "\\\\server\\share\\notes.html", "notes.html"],
  ["mixed slashes", "a/b\\..\\c/d.htm", "d.htm"],
  ["NUL before the extension", "evil.exe\u0000.md", "evil.exe.md"],
  ["NUL hiding an executable extension", "notes.md\u0000.exe", null],
  ["control characters", "no\u0007tes\r\n.txt", "no-tes.txt"],
  ["right-to-left override", "\u202Egnp.md", "gnp.md"],
  ["RTLO disguising an extension", "evil\u202Edm.exe", null],
  ["full-width solidus (folds to /)", "..\uFF0F..\uFF0Fsecret.md", "secret.md"],
  ["full-width letters and dot", "ｎｏｔｅｓ．ｍｄ", "notes.md"],
  ["accents", "Résumé-été.md", "Resume-ete.md"],
  ["zero-width joiner", "no\u200Dtes.md", "no-tes.md"],
  ["emoji", "🔥notes🔥.md", "notes.md"],
  ["non-Latin script only", "面试.md", "document.md"],
  ["hidden file", ".bashrc.md", "bashrc.md"],
  ["only an extension (a dot file)", ".md", null],
  ["trailing dot", "notes.md.", null],
  ["trailing space", "notes.md ", null],
  ["double extension", "archive.tar.gz", null],
  ["executable", "setup.exe", null],
  ["no name", "", null],
  ["Windows device name", "CON.md", "document-CON.md"],
  ["Windows device name, lower case", "nul.txt", "document-nul.txt"],
  ["Windows numbered device", "com1.pdf", "document-com1.pdf"],
  ["not a device", "console.md", "console.md"],
  ["dash and underscore edges", "--_notes_--.md", "notes.md"],
];

describe("safeUploadName", () => {
  it.each(CASES)("%s: %j -> %j", (_label, input, expected) => {
    expect(safeUploadName(input)).toBe(expected);
  });

  it("never yields a path, a parent reference, a hidden name or a character outside [A-Za-z0-9._-]", () => {
    for (const [, input] of CASES) {
      const name = safeUploadName(input);
      if (name === null) continue;
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(md|markdown|html|htm|txt|pdf)$/);
      expect(name).not.toContain("..");
    }
  });

  it("keeps a very long name to 80 characters before the extension, with no dash or dot left dangling", () => {
    expect(safeUploadName(`${"a".repeat(10_000)}.md`)).toBe(`${"a".repeat(80)}.md`);
    expect(safeUploadName(`${"a".repeat(79)} b.md`)).toBe(`${"a".repeat(79)}.md`);
    expect(safeUploadName(`${"../".repeat(5000)}x.md`)).toBe("x.md");
    expect(safeUploadName(`${"é".repeat(300)}.txt`)).toBe(`${"e".repeat(80)}.txt`);
  });
});
