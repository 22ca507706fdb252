import { describe, expect, it } from "vitest";
import { detectTextFormat, isPdf } from "@/lib/ingest/detect-format";
import { stripFrontMatter } from "@/lib/ingest/front-matter";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("isPdf", () => {
  it("finds the %PDF- header at the start or within the first kilobyte", () => {
    expect(isPdf(utf8("%PDF-1.7\n..."))).toBe(true);
    expect(isPdf(utf8(`${" ".repeat(100)}%PDF-1.4`))).toBe(true);
    expect(isPdf(utf8(`${" ".repeat(2000)}%PDF-1.4`))).toBe(false);
    expect(isPdf(utf8("# Notes about %PDF files"))).toBe(false);
  });
});

describe("detectTextFormat", () => {
  it("recognises an HTML page by doctype or by its share of block tags", () => {
    expect(detectTextFormat("<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>")).toBe("html");
    expect(detectTextFormat("<p>\n<b>1. Why?</b><br>\nBecause.<br><br>\n<b>2. How?</b><br>\nLike so.<br>\n</p>")).toBe("html");
  });

  it("recognises Markdown by headings, setext underlines, fences, or emphasis with lists", () => {
    expect(detectTextFormat("# Title\n\nText")).toBe("markdown");
    expect(detectTextFormat("Title\n=====\n\nText")).toBe("markdown");
    expect(detectTextFormat("Text\n```\ncode\n```")).toBe("markdown");
    expect(detectTextFormat("**1. What?**\n\n**2. Why?**")).toBe("markdown");
  });

  it("keeps Markdown with a little inline HTML as Markdown", () => {
    const body = Array.from({ length: 20 }, (_, index) => `Line ${index} of an answer.`).join("\n");
    expect(detectTextFormat(`# Title\n<div>\n<p align="center"><img src="x.png"></p>\n</div>\n${body}\n<br>`)).toBe("markdown");
  });

  it("falls back to text", () => {
    expect(detectTextFormat("1) What is a ReLU?\nmax(0, x)\n- a note")).toBe("text");
  });
});

describe("stripFrontMatter", () => {
  it("blanks the front matter, keeping line numbers, and returns its title unquoted", () => {
    const result = stripFrontMatter('---\nlayout: post\ntitle:  "Q & A"\n---\nBody');
    expect(result.title).toBe("Q & A");
    expect(result.text.split("\n")).toEqual(["", "", "", "", "Body"]);
  });

  it("ignores a leading rule that is not YAML, and an unclosed block", () => {
    expect(stripFrontMatter("---\nJust a rule above text\n---\nMore").title).toBeNull();
    expect(stripFrontMatter("---\ntitle: x\nno end").text).toBe("---\ntitle: x\nno end");
  });
});
