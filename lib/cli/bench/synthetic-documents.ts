/**
 * A corpus N times the size of a real one, for the ingestion benchmark: N copies of every document,
 * each copy in its own format and layout (front matter, HTML, mojibake and all, so every reader is
 * exercised as on the real documents), with every question reworded on its own line so the copies
 * do not merge back into the original questions: a qualifier of two content words drawn from the
 * corpus's own vocabulary ("What is dropout, when training recurrent kernels?") is inserted before
 * the question mark (or after the question's last word when it has none). Answers stay as written.
 * Deterministic for a seed.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { decodeText } from "@/lib/ingest/decode-text";
import { discoverDocuments } from "@/lib/ingest/discover-documents";
import { parseDocument } from "@/lib/ingest/parse-document";
import { normaliseNewlines } from "@/lib/ingest/source-lines";
import { seededRandom } from "@/lib/seeded-random";

const QUALIFIERS = [
  (a: string, b: string) => `, when training ${a} ${b} models`,
  (a: string, b: string) => ` in the context of ${a} and ${b}`,
  (a: string, b: string) => `, for a ${a} ${b} pipeline`,
  (a: string, b: string) => `, compared with ${a} or ${b}`,
  (a: string, b: string) => ` with ${a} ${b} data`,
  (a: string, b: string) => `, given ${a} and ${b} constraints`,
];

/** Where a question stands in its document and how it reads once cleaned (ExtractedQuestion fits). */
export interface QuestionLine {
  line: number;
  question: string;
}

/**
 * One reworded copy of a document's text: each question's line (1-based) gets a qualifier of two
 * vocabulary words drawn for (seed, copy, line). A question whose last word cannot be found on its
 * line is left as it is (it merges with its other copies; the ingestion summary counts it as merged).
 */
export function varyDocument({ text, questions, copy, vocabulary, seed = 1 }: { text: string; questions: readonly QuestionLine[]; copy: number; vocabulary: readonly string[]; seed?: number }): string {
  if (vocabulary.length < 2) throw new RangeError("varyDocument needs a vocabulary of at least two words.");
  const lines = text.split("\n");
  for (const { line, question } of questions) {
    const original = lines[line - 1];
    if (original === undefined) continue;
    const random = seededRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(copy + 1, 0x85ebca6b) ^ Math.imul(line, 0xc2b2ae35)) >>> 0);
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
    const qualifier = QUALIFIERS[Math.floor(random() * QUALIFIERS.length)]!(pick(), pick());
    const at = insertionPoint(original, question);
    if (at !== -1) lines[line - 1] = original.slice(0, at) + qualifier + original.slice(at);
  }
  return lines.join("\n");
}

/** Before the line's last "?", else after the last place the question's last word stands on it. */
function insertionPoint(line: string, question: string): number {
  const mark = line.lastIndexOf("?");
  if (mark !== -1) return mark;
  const lastWord = question.match(/[\p{L}\p{N}]+(?=[^\p{L}\p{N}]*$)/u)?.[0];
  if (!lastWord) return -1;
  const at = line.toLowerCase().lastIndexOf(lastWord.toLowerCase());
  return at === -1 ? -1 : at + lastWord.length;
}

/** Content words of the questions, commonest first, for the qualifiers: the corpus's own subjects. */
export function qualifierVocabulary(questions: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const question of questions) {
    for (const word of question.toLowerCase().match(/[a-z]{5,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

export interface SyntheticDocuments {
  /** Root to ingest from (`inputs: [folder]`). */
  root: string;
  folder: string;
  documents: number;
  bytes: number;
}

/**
 * Writes `copies` reworded copies of every document of `root/folder` into `outRoot/folder`
 * (`<name>.copy-<n><ext>`), and says how many documents and bytes it wrote.
 */
export async function writeSyntheticDocuments({ root, folder, copies, outRoot, seed = 1 }: { root: string; folder: string; copies: number; outRoot: string; seed?: number }): Promise<SyntheticDocuments> {
  const { documents } = await discoverDocuments([folder], root);
  const sources = await Promise.all(
    documents.map(async (document) => {
      const bytes = new Uint8Array(await fs.readFile(document.absolutePath));
      const parsed = await parseDocument(bytes);
      return { document, text: normaliseNewlines(decodeText(bytes)), questions: parsed.questions };
    }),
  );
  const vocabulary = qualifierVocabulary(sources.flatMap((source) => source.questions.map((question) => question.question))).slice(0, 400);
  const outFolder = path.join(outRoot, folder);
  await fs.mkdir(outFolder, { recursive: true });
  let bytes = 0;
  for (const { document, text, questions } of sources) {
    const extension = path.extname(document.path);
    const stem = path.basename(document.path, extension);
    for (let copy = 0; copy < copies; copy++) {
      const varied = varyDocument({ text, questions, copy, vocabulary, seed });
      await fs.writeFile(path.join(outFolder, `${stem}.copy-${String(copy).padStart(3, "0")}${extension}`), varied);
      bytes += Buffer.byteLength(varied);
    }
  }
  return { root: outRoot, folder, documents: sources.length * copies, bytes };
}
