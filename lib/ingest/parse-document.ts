import { AppError } from "@/lib/errors";
import { decodeText } from "@/lib/ingest/decode-text";
import { detectTextFormat, isPdf } from "@/lib/ingest/detect-format";
import { extractQuestions } from "@/lib/ingest/extract-questions";
import { fixMojibake } from "@/lib/ingest/fix-mojibake";
import { stripFrontMatter } from "@/lib/ingest/front-matter";
import { htmlToLines } from "@/lib/ingest/html-to-lines";
import { readPdf } from "@/lib/ingest/read-pdf";
import { normaliseNewlines } from "@/lib/ingest/source-lines";
import type { DocumentFormat, ParsedDocument } from "@/lib/ingest/types";

/**
 * A document's bytes to its questions and reference answers: read (PDF text or strict UTF-8),
 * repair mojibake, drop front matter, turn HTML into Markdown-like lines with their original
 * line numbers, then find the questions. Every way a document can be unusable is an AppError
 * with a message for the person who uploaded it; size limits are the caller's.
 */

export const NO_QUESTIONS_MESSAGE =
  "no questions found: expected numbered questions (1. / 1) / **1.** / ## 1.), question headings, or lines ending with '?'";

/**
 * Parses one document.
 * @throws AppError("bad_request") for an empty, binary, non-UTF-8 or textless PDF document, or one
 * in which no question can be found.
 */
export async function parseDocument(bytes: Uint8Array): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new AppError("bad_request", "This document is empty.");
  let format: DocumentFormat;
  let text: string;
  if (isPdf(bytes)) {
    format = "pdf";
    text = normaliseNewlines(await readPdf(bytes));
    if (!text.trim()) {
      throw new AppError("bad_request", "This PDF has no extractable text (it may be scanned images). Run it through OCR or save its text as a .txt file.");
    }
  } else {
    text = normaliseNewlines(fixMojibake(decodeText(bytes)));
    if (!text.trim()) throw new AppError("bad_request", "This document is empty (it contains only whitespace).");
    format = "text";
  }
  const frontMatter = stripFrontMatter(text);
  if (format !== "pdf") format = detectTextFormat(frontMatter.text);
  const html = htmlToLines(frontMatter.text);
  const { questions, title } = extractQuestions(html.lines);
  if (!questions.length) throw new AppError("bad_request", NO_QUESTIONS_MESSAGE);
  return { format, title: frontMatter.title ?? html.title ?? title, questions };
}
