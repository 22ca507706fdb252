import type { DocumentFormat } from "@/lib/ingest/types";

/**
 * Which reader a document needs, decided from its content, never its file name: study notes are
 * saved as `.txt` whatever they hold (the Jekyll page and the PDF text in `content/` are).
 */

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// Readers accept junk before the header; the PDF reference allows it within the first kilobyte.
const PDF_HEADER_WINDOW = 1024;

const HTML_DOCUMENT = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const HTML_BLOCK_TAG = /<\/?(p|div|br|b|strong|h[1-6]|ul|ol|li|table|tr|td|th|span|section|article|pre|blockquote|em|i|a|img|script|style)\b[^<>]*>/i;
const ATX_HEADING = /^#{1,6}\s+\S/;
const SETEXT_UNDERLINE = /^(=+|-{2,})\s*$/;
const FENCE = /^\s*(```|~~~)/;
const BOLD = /\*\*\S[^*]*\*\*|__\S[^_]*__/;
const LINK = /!?\[[^[\]\n]*\]\([^()\s]+\)/;
const LIST_ITEM = /^\s*([-*+]|\d{1,3}[.)])\s+\S/;

/** True when the bytes carry the PDF header `%PDF-` near the start. */
export function isPdf(bytes: Uint8Array): boolean {
  const window = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
  for (let start = 0; start <= window; start++) {
    if (PDF_MAGIC.every((value, offset) => bytes[start + offset] === value)) return true;
  }
  return false;
}

/**
 * `html` for a page (a doctype or `<html>`, or block tags on a large share of its lines),
 * `markdown` when it uses Markdown structure (headings, fences, or bold and lists), else `text`.
 */
export function detectTextFormat(text: string): Exclude<DocumentFormat, "pdf"> {
  if (HTML_DOCUMENT.test(text)) return "html";
  const lines = text.split("\n");
  let nonBlank = 0;
  let htmlLines = 0;
  let headings = 0;
  let fences = 0;
  let bold = 0;
  let lists = 0;
  let links = 0;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    nonBlank++;
    if (HTML_BLOCK_TAG.test(line)) htmlLines++;
    if (ATX_HEADING.test(line)) headings++;
    else if (SETEXT_UNDERLINE.test(line) && lines[index - 1]?.trim()) headings++;
    if (FENCE.test(line)) fences++;
    if (BOLD.test(line)) bold++;
    if (LIST_ITEM.test(line)) lists++;
    if (LINK.test(line)) links++;
  });
  // Markdown pages carry some inline HTML (a centred image, `<br>`); a page is mostly tags.
  if (htmlLines >= 3 && htmlLines >= nonBlank * 0.3) return "html";
  if (headings > 0 || fences > 0) return "markdown";
  // Plain notes use dashes for lists too; emphasis and links are what only Markdown writes.
  if (bold >= 2 || links > 0 || (bold > 0 && lists > 1)) return "markdown";
  return "text";
}
