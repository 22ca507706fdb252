import { randomUUID } from "node:crypto";
import { eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { chunks, documents, questions, questionSources } from "../schema";
import { insertAbbreviations } from "./abbreviations";
import { refreshCanonicalQuestions, type Canonicalize, type Executor } from "./canonical-questions";
import { KnownWordings } from "./known-wordings";
import { documentVisibleTo } from "./visible-to";

export interface ChunkToIndex {
  kind: "question" | "answer";
  ordinal: number;
  text: string;
  embedding: number[] | null;
}

export interface SourceToIndex {
  question: string;
  answer: string | null;
  line: number;
  section: string | null;
  chunks: ChunkToIndex[];
}

export interface DocumentToIndex {
  path: string;
  /** The person the document belongs to, or null (absent) for the shared library. */
  ownerId?: string | null;
  contentHash: string;
  format: string;
  bytes: number;
  title: string | null;
  embeddingModel: string | null;
  embeddingDims: number | null;
  sources: SourceToIndex[];
  /** Abbreviations the document defines, e.g. `{ short: "CNN", long: "convolutional neural network" }`. */
  abbreviations?: { short: string; long: string }[];
}

export interface IndexPolicy {
  /** True when two wordings ask the same question (the ingest layer's merge rule). */
  isSameQuestion: (a: string, b: string) => boolean;
  /**
   * Keys that spare comparing every pair: whenever isSameQuestion(a, b), some key of
   * `blockingKeys(b).probe` is among `blockingKeys(a).all`. Without it every pair is compared.
   */
  blockingKeys?: (question: string) => { probe: string[]; all: string[] };
  exactKey: (question: string) => string;
  canonicalize: Canonicalize;
  /**
   * False for a document whose items are known to be distinct (a passage collection for evaluation
   * or benchmarks): only exact keys merge, and stored wordings are not read to match against.
   */
  matchExisting?: boolean;
}

// Ingestions serialise on this lock so two writers never race to create the same question.
const INGEST_LOCK = sql`select pg_advisory_xact_lock(hashtext('coach:ingest'))`;

export interface StoredDocument {
  contentHash: string;
  embeddingModel: string | null;
}

/**
 * What is stored of each document by path, to skip the unchanged ones; with `visibleTo`, only the
 * documents that owner may see (the shared library and their own).
 */
export async function getStoredDocuments({ db, visibleTo }: { db: Database; visibleTo?: string }): Promise<Map<string, StoredDocument>> {
  const rows = await db
    .select({ path: documents.path, contentHash: documents.contentHash, embeddingModel: documents.embeddingModel })
    .from(documents)
    .where(visibleTo === undefined ? undefined : documentVisibleTo(visibleTo));
  return new Map(rows.map(({ path, ...stored }) => [path, stored]));
}

/**
 * Replaces everything one document contributed (its row, sources and chunks) in one transaction,
 * merging each of its questions into an existing canonical question when the policy says it is
 * the same question. Returns how many sources joined an existing question.
 */
export async function replaceDocument({ db, document, policy }: { db: Database; document: DocumentToIndex; policy: IndexPolicy }): Promise<{ merged: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(INGEST_LOCK);
    const touched = new Set(await removeDocumentRows(tx, [document.path]));
    const [stored] = await tx
      .insert(documents)
      .values({
        path: document.path,
        ownerId: document.ownerId ?? null,
        contentHash: document.contentHash,
        format: document.format,
        bytes: document.bytes,
        title: document.title,
        embeddingModel: document.embeddingModel,
      })
      .returning({ id: documents.id });

    // Match against every wording already stored, not only each question's current canonical
    // wording: a question found as A, B and C stays one question whichever order they arrive in.
    // Only the same owner's questions: a merge would show one person's answers to another.
    const ownerId = document.ownerId ?? null;
    const known =
      policy.matchExisting === false
        ? []
        : await tx
            .select({ questionId: questionSources.questionId, question: questionSources.question })
            .from(questionSources)
            .innerJoin(questions, eq(questions.id, questionSources.questionId))
            .where(ownerId === null ? isNull(questions.ownerId) : eq(questions.ownerId, ownerId));
    const byKey = new Map(known.map((row) => [policy.exactKey(row.question), row.questionId]));
    const wordings = new KnownWordings(policy);
    for (const row of known) wordings.add(row);
    // Ids are made here so the whole document goes in as a few bulk inserts, not one per row.
    const newQuestions: (typeof questions.$inferInsert)[] = [];
    const newSources: (typeof questionSources.$inferInsert)[] = [];
    const newChunks: (typeof chunks.$inferInsert)[] = [];
    let merged = 0;
    for (const source of document.sources) {
      const key = policy.exactKey(source.question);
      let questionId = byKey.get(key) ?? (policy.matchExisting === false ? undefined : wordings.findSame(source.question));
      if (questionId) {
        merged++;
      } else {
        questionId = randomUUID();
        newQuestions.push({ id: questionId, ownerId, question: source.question, answer: source.answer, topic: "General", mergeKey: key });
      }
      if (policy.matchExisting !== false) wordings.add({ questionId, question: source.question });
      byKey.set(key, questionId);
      touched.add(questionId);
      const sourceId = randomUUID();
      newSources.push({ id: sourceId, questionId, documentId: stored!.id, line: source.line, question: source.question, answer: source.answer, section: source.section });
      for (const chunk of source.chunks) {
        newChunks.push({
          questionId,
          sourceId,
          kind: chunk.kind,
          ordinal: chunk.ordinal,
          text: chunk.text,
          embedding: chunk.embedding,
          embeddingModel: chunk.embedding ? document.embeddingModel : null,
          embeddingDims: chunk.embedding ? document.embeddingDims : null,
        });
      }
    }
    for (const batch of batches(newQuestions)) await tx.insert(questions).values(batch);
    for (const batch of batches(newSources)) await tx.insert(questionSources).values(batch);
    for (const batch of batches(newChunks)) await tx.insert(chunks).values(batch);
    await insertAbbreviations({ tx, documentId: stored!.id, abbreviations: document.abbreviations ?? [] });
    await refreshCanonicalQuestions({ tx, questionIds: touched, canonicalize: policy.canonicalize });
    return { merged };
  });
}

/** Removes documents (gone from disk) and whatever only they contributed, in one transaction. */
export async function removeDocuments({ db, paths, canonicalize }: { db: Database; paths: string[]; canonicalize: Canonicalize }): Promise<void> {
  if (paths.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(INGEST_LOCK);
    const touched = await removeDocumentRows(tx, paths);
    await refreshCanonicalQuestions({ tx, questionIds: touched, canonicalize });
  });
}

/** Deletes document rows (sources and chunks cascade) and returns the questions they touched. */
async function removeDocumentRows(tx: Executor, paths: string[]): Promise<string[]> {
  const rows = await tx
    .select({ questionId: questionSources.questionId })
    .from(questionSources)
    .innerJoin(documents, eq(documents.id, questionSources.documentId))
    .where(inArray(documents.path, paths));
  await tx.delete(documents).where(inArray(documents.path, paths));
  return rows.map((row) => row.questionId);
}

/** Rows in groups small enough for PostgreSQL's limit of 65,535 parameters per statement. */
export function batches<T>(rows: T[], size = 500): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < rows.length; start += size) groups.push(rows.slice(start, start + size));
  return groups;
}
