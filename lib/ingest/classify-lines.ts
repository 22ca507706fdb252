import type { SourceLine } from "@/lib/ingest/source-lines";
import { findVerbatimBlocks } from "@/lib/ingest/verbatim-blocks";

/**
 * The Markdown structure of each line, as far as finding questions needs it: headings (ATX and
 * setext), fenced code and display math (never questions, kept verbatim in answers), tables,
 * rules, bullets, and a leading number in any of the styles collections use (`1.`, `1)`,
 * `**1.**`, `**1. text**`, `- 1.`).
 */

export type LineKind = "blank" | "text" | "heading" | "code" | "math" | "table" | "rule";

export interface Numbering {
  value: number;
  delimiter: "." | ")";
  /** The number stands inside `**`/`__` (`**1.**`, `**1. What…**`). */
  bold: boolean;
  /** The text after the number, as written. */
  rest: string;
}

export interface DocLine {
  /** Position in the document's line list. */
  index: number;
  /** 1-based line in the stored document. */
  line: number;
  text: string;
  kind: LineKind;
  /** Heading level 1–6; 0 for other lines. */
  level: number;
  /** The heading's text, or the line without indentation and bullet. */
  content: string;
  indent: number;
  bullet: boolean;
  numbering: Numbering | null;
}

const ATX = /^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT = /^\s{0,3}(={2,}|-{2,})\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^([-*+•◦▪])\s+/;
const NUMBER = /^(\*\*|__)?\s*(\d{1,3})\s*([.)])(?!\d)\s*(\*\*|__)?\s*(.*)$/;

function parseNumbering(content: string): Numbering | null {
  const match = content.match(NUMBER);
  if (!match) return null;
  return { value: Number(match[2]), delimiter: match[3] as "." | ")", bold: Boolean(match[1]), rest: match[5]!.trim() };
}

function baseLine(source: SourceLine, index: number, kind: LineKind): DocLine {
  return { index, line: source.line, text: source.text, kind, level: 0, content: source.text.trim(), indent: 0, bullet: false, numbering: null };
}

/** Classifies every line of a document. */
export function classifyLines(source: SourceLine[]): DocLine[] {
  const blocks = findVerbatimBlocks(source.map((line) => line.text), { math: true });
  const lines: DocLine[] = [];
  for (let index = 0; index < source.length; index++) {
    const block = blocks.get(index);
    if (block) {
      for (let at = index; at <= block.close; at++) lines.push(baseLine(source[at]!, at, block.kind));
      index = block.close;
      continue;
    }
    const line = classifyOne(source, index, lines.at(-1));
    lines.push(line);
    // The underline of a setext heading is markup, not text.
    if (line.kind === "heading" && !ATX.test(line.text)) {
      index++;
      lines.push(baseLine(source[index]!, index, "rule"));
    }
  }
  return lines;
}

function classifyOne(source: SourceLine[], index: number, previous: DocLine | undefined): DocLine {
  const current = source[index]!;
  const text = current.text;
  const line = baseLine(current, index, "text");
  if (!text.trim()) return { ...line, kind: "blank" };
  const atx = text.match(ATX);
  if (atx) {
    const content = (atx[2] ?? "").trim();
    return content ? { ...line, kind: "heading", level: atx[1]!.length, content, numbering: parseNumbering(content) } : { ...line, kind: "rule" };
  }
  if (/^\s*\|.*\|/.test(text)) return { ...line, kind: "table" };
  if (RULE.test(text) || SETEXT.test(text)) return { ...line, kind: "rule" };
  const indent = text.match(/^\s*/)![0].replace(/\t/g, "    ").length;
  const trimmed = text.trim();
  const bullet = trimmed.match(BULLET);
  const content = bullet ? trimmed.slice(bullet[0].length) : trimmed;
  const numbering = parseNumbering(content);
  // A single-line paragraph underlined with `===` or `---` is a setext heading.
  const underline = source[index + 1]?.text.match(SETEXT)?.[1];
  const paragraphStart = !previous || previous.kind === "blank" || previous.kind === "heading" || previous.kind === "rule";
  if (underline && !bullet && !numbering && paragraphStart) {
    return { ...line, kind: "heading", level: underline.startsWith("=") ? 1 : 2, content: trimmed };
  }
  return { ...line, content, indent, bullet: Boolean(bullet), numbering };
}
