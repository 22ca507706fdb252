import { describe, expect, it } from "vitest";
import { parseTsv, parseTsvRows } from "@/lib/retrieval/eval/read-tsv";

describe("parseTsvRows", () => {
  it("splits plain fields on tabs and rows on line ends, CRLF included", () => {
    expect(parseTsvRows("a\tb\r\nc\td\ne\tf")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("reads quoted fields with doubled quotes, tabs and line breaks inside", () => {
    const text = 'id\ttext\n1\t"He said ""hi""\tthen\nleft"\n2\tplain\n';
    expect(parseTsvRows(text)).toEqual([
      ["id", "text"],
      ["1", 'He said "hi"\tthen\nleft'],
      ["2", "plain"],
    ]);
  });

  it("treats a quote inside an unquoted field as an ordinary character", () => {
    expect(parseTsvRows('x\t5" screen\t"quoted"')).toEqual([["x", '5" screen', "quoted"]]);
  });

  it("keeps empty fields, a quoted empty field and skips blank lines and a BOM", () => {
    expect(parseTsvRows('\ufeff\ta\n\n""\n\tb\t\n')).toEqual([["", "a"], [""], ["", "b", ""]]);
  });

  it("throws on an unterminated quote and on text after a closing quote", () => {
    expect(() => parseTsvRows('a\t"open\nb')).toThrow(/unterminated quoted field starting on line 1/);
    expect(() => parseTsvRows('a\n"closed"x\tb')).toThrow(/after a closing quote on line 2/);
  });
});

describe("parseTsv", () => {
  it("keys rows by header, an unnamed index column as the empty string", () => {
    const table = parseTsv('\tinput_text\ttarget_text\n7\t"A ""quoted"" passage"\tWhat is it\n');
    expect(table.header).toEqual(["", "input_text", "target_text"]);
    expect(table.rows).toEqual([{ "": "7", input_text: 'A "quoted" passage', target_text: "What is it" }]);
  });

  it("throws when a row's field count differs from the header's", () => {
    expect(() => parseTsv("a\tb\n1\t2\n3\n")).toThrow(/data row 2 has 1 fields, the header has 2/);
  });

  it("gives an empty table for empty text", () => {
    expect(parseTsv("")).toEqual({ header: [], rows: [] });
  });
});
