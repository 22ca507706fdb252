import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRows, readCsvFile, requireCsvColumns } from "@/lib/grading/eval/read-csv";

describe("parseCsvRows", () => {
  it("splits plain fields on commas and rows on \\n, \\r\\n and a lone \\r", () => {
    expect(parseCsvRows("a,b\r\nc,d\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("reads quoted fields with doubled quotes, commas and line breaks inside, kept as written", () => {
    const text = 'id,text\r\n1,"He said ""hi"", then\nleft"\r\n2,"a\r\nb"\r\n3,plain\r\n';
    expect(parseCsvRows(text)).toEqual([
      ["id", "text"],
      ["1", 'He said "hi", then\nleft'],
      ["2", "a\r\nb"],
      ["3", "plain"],
    ]);
  });

  it("reads a JSON list quoted inside a field", () => {
    expect(parseCsvRows('x,"[""one, two"", ""three""]"\n')).toEqual([["x", '["one, two", "three"]']]);
  });

  it("treats a quote inside an unquoted field as an ordinary character", () => {
    expect(parseCsvRows('x,5" screen,"quoted"')).toEqual([["x", '5" screen', "quoted"]]);
  });

  it("keeps empty fields and a quoted empty field, and skips blank lines and a BOM", () => {
    expect(parseCsvRows('\ufeff,a\n\r\n""\n,b,\n')).toEqual([["", "a"], [""], ["", "b", ""]]);
  });

  it("throws on an unterminated quote and on text after a closing quote, naming the line", () => {
    expect(() => parseCsvRows('a,"open\nb')).toThrow(/unterminated quoted field starting on line 1/);
    expect(() => parseCsvRows('a,"two\nlines"\n"closed"x,b')).toThrow(/after a closing quote on line 3/);
  });
});

describe("parseCsv", () => {
  it("keys rows by header", () => {
    const table = parseCsv('id,answer\r\n1.1,"A ""quoted"", answer"\r\n');
    expect(table.header).toEqual(["id", "answer"]);
    expect(table.rows).toEqual([{ id: "1.1", answer: 'A "quoted", answer' }]);
  });

  it("throws on a row with the wrong number of fields and on a repeated header", () => {
    expect(() => parseCsv("a,b\n1,2\n3\n")).toThrow(/data row 2 has 1 fields, the header has 2/);
    expect(() => parseCsv("a,b,a\n1,2,3\n")).toThrow(/column "a" twice/);
  });

  it("returns an empty table for empty text", () => {
    expect(parseCsv("")).toEqual({ header: [], rows: [] });
  });

  it("names missing columns", () => {
    expect(() => requireCsvColumns(parseCsv("a\n1\n"), ["a", "b", "c"], "f.csv")).toThrow("f.csv: missing column(s) b, c");
  });
});

describe("readCsvFile", () => {
  it("reads a UTF-8 file with a BOM and CRLF line ends", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "read-csv-"));
    try {
      const file = path.join(dir, "t.csv");
      await writeFile(file, '\ufeffq,a\r\n"Why, café?","Because\nof ""this"""\r\n');
      expect((await readCsvFile(file)).rows).toEqual([{ q: "Why, café?", a: 'Because\nof "this"' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
