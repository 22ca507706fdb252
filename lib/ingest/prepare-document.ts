import { createHash } from "node:crypto";
import { ownerOfDocumentPath } from "./document-owner";
import type { DocumentToIndex, SourceToIndex } from "@/lib/db/queries/documents";
import type { Embedder } from "@/lib/embeddings";
import { extractAbbreviations } from "./abbreviations";
import { chunkText } from "./chunk-text";
import { parseDocument } from "./parse-document";

/** sha256 of a document's bytes: unchanged bytes are never ingested twice. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Everything slow about a document, done before any write: parse it, chunk each question's text
 * and embed the chunks. The result is written in one short transaction.
 */
export async function prepareDocument({
  path,
  bytes,
  embedder,
}: {
  path: string;
  bytes: Uint8Array;
  embedder: Embedder | null;
}): Promise<DocumentToIndex> {
  const parsed = await parseDocument(bytes);
  // One section over a whole document is a title in disguise; only a real partition names topics.
  const sections = new Set(parsed.questions.map((question) => question.section).filter(Boolean));
  const useSections = sections.size >= 2;

  const sources: SourceToIndex[] = parsed.questions.map((question) => ({
    question: question.question,
    answer: question.answer,
    line: question.line,
    section: useSections ? question.section : null,
    chunks: [
      { kind: "question" as const, ordinal: 0, text: question.question, embedding: null },
      ...chunkText(question.answer ?? "").map((text, index) => ({ kind: "answer" as const, ordinal: index, text, embedding: null })),
    ],
  }));

  if (embedder) {
    const allChunks = sources.flatMap((source) => source.chunks);
    const vectors = await embedder.embed(allChunks.map((chunk) => chunk.text));
    allChunks.forEach((chunk, index) => {
      chunk.embedding = Array.from(vectors[index]!);
    });
  }

  return {
    path,
    ownerId: ownerOfDocumentPath(path),
    contentHash: contentHash(bytes),
    format: parsed.format,
    bytes: bytes.byteLength,
    title: parsed.title,
    embeddingModel: embedder?.modelId ?? null,
    embeddingDims: embedder?.dims ?? null,
    sources,
    abbreviations: documentAbbreviations(parsed.questions.map((question) => `${question.question}\n${question.answer ?? ""}`)),
  };
}

/** The abbreviations a document defines, once each (the same pair defined twice counts once). */
export function documentAbbreviations(texts: readonly string[]): { short: string; long: string }[] {
  const found = new Map<string, { short: string; long: string }>();
  for (const text of texts) for (const pair of extractAbbreviations(text)) found.set(`${pair.short}\u0000${pair.long}`, pair);
  return [...found.values()];
}
