import { readFileSync } from "node:fs";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { ExtractedQuestion, ParsedDocument } from "@/lib/ingest/types";

/** The bytes of a file under `tests/fixtures/documents/`. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/documents/${name}`, import.meta.url)));
}

/** The bytes of a seed document under `content/`, exactly as stored. */
export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../content/${name}`, import.meta.url)));
}

/** Parses a fixture. */
export function parseFixture(name: string): Promise<ParsedDocument> {
  return parseDocument(fixtureBytes(name));
}

/** The question at a stored line, or a failure naming the line. */
export function at(document: ParsedDocument, line: number): ExtractedQuestion {
  const question = document.questions.find((candidate) => candidate.line === line);
  if (!question) throw new Error(`no question at line ${line}; questions are at ${document.questions.map((q) => q.line).join(", ")}`);
  return question;
}

/** All question texts, for absence checks. */
export function questionTexts(document: ParsedDocument): string[] {
  return document.questions.map((question) => question.question);
}
