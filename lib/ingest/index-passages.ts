import type { Database } from "@/lib/db/client";
import { replaceDocument, type DocumentToIndex, type IndexPolicy } from "@/lib/db/queries/documents";
import type { Embedder } from "@/lib/embeddings";
import { contentHash, documentAbbreviations } from "./prepare-document";

// Passages are distinct items by construction: keyed by position, never merged.
const PASSAGE_POLICY: IndexPolicy = {
  exactKey: (question) => question,
  isSameQuestion: () => false,
  canonicalize: (sources) => ({ question: sources[0]!.question, answer: sources[0]!.answer, topic: "General", mergeKey: sources[0]!.question }),
  matchExisting: false,
};

/** How a passage is named in the question bank: its 1-based position, which maps results back. */
export function passageLabel(index: number): string {
  return `Passage ${index + 1}`;
}

/**
 * Indexes a list of passages (an evaluation pool, a benchmark corpus) as one document through the
 * same write path, full-text statistics and embedding as ingestion: each passage becomes an item
 * whose answer is the passage, found by its text alone (no question wording). One transaction.
 */
export async function indexPassages({
  db,
  path,
  passages,
  embedder,
}: {
  db: Database;
  /** The document's name in the corpus, e.g. `datasets/mlquestions/test_passages.tsv`. */
  path: string;
  passages: readonly string[];
  embedder: Embedder | null;
}): Promise<void> {
  const vectors = embedder ? await embedder.embed(passages) : null;
  const document: DocumentToIndex = {
    path,
    contentHash: contentHash(new TextEncoder().encode(passages.join("\u0000"))),
    format: "text",
    bytes: passages.reduce((total, passage) => total + passage.length, 0),
    title: null,
    embeddingModel: embedder?.modelId ?? null,
    embeddingDims: embedder?.dims ?? null,
    sources: passages.map((passage, index) => ({
      question: passageLabel(index),
      answer: passage,
      line: index + 1,
      section: null,
      chunks: [{ kind: "answer" as const, ordinal: 0, text: passage, embedding: vectors ? Array.from(vectors[index]!) : null }],
    })),
    abbreviations: documentAbbreviations(passages),
  };
  await replaceDocument({ db, document, policy: PASSAGE_POLICY });
}
