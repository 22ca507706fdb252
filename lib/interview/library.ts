import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import nodePath from "node:path";
import { getDatabase } from "@/lib/db/client";
import { getCorpusCounts } from "@/lib/db/queries/corpus";
import { getStoredDocuments, removeDocuments } from "@/lib/db/queries/documents";
import { listQuestions } from "@/lib/db/queries/questions";
import { getEmbedder } from "@/lib/embeddings";
import { getEnv } from "@/lib/env";
import { LOCAL_OWNER } from "@/lib/auth/owner";
import { AppError, type ErrorCode } from "@/lib/errors";
import { decodeText } from "@/lib/ingest/decode-text";
import { personUploadFolder } from "@/lib/ingest/document-owner";
import { isPdf } from "@/lib/ingest/detect-format";
import { fixMojibake } from "@/lib/ingest/fix-mojibake";
import { ingestDocuments, type IngestProgress, type IngestSummary } from "@/lib/ingest/ingest-documents";
import { canonicalize } from "@/lib/ingest/merge-policy";
import { readPdf } from "@/lib/ingest/read-pdf";
import { normaliseNewlines } from "@/lib/ingest/source-lines";
import { sniffUpload } from "./sniff-upload";
import { safeUploadName } from "./upload-name";

/**
 * Where documents added from the browser are written on a private (loopback) server, as part of
 * the shared library; `npm start` ingests them with the rest of content/. A signed-in person's go
 * to their own folder (see uploadFolderOf).
 */
export const UPLOAD_FOLDER = "content/uploads";

/** Where this owner's uploads go: the shared upload folder for the local owner, a folder of their own for a person. */
export function uploadFolderOf(ownerId: string): string {
  return ownerId === LOCAL_OWNER ? UPLOAD_FOLDER : personUploadFolder(ownerId);
}

/** True when `path` is a document this owner added from the browser (and so may remove). */
function isOwnUpload(path: string, ownerId: string): boolean {
  const folder = uploadFolderOf(ownerId);
  if (!path.startsWith(`${folder}/`) || path.includes("..")) return false;
  // The shared upload folder holds people's folders too: those are not the local owner's.
  return ownerId !== LOCAL_OWNER || !path.startsWith(`${UPLOAD_FOLDER}/people/`);
}
export { UPLOAD_EXTENSIONS, safeUploadName } from "./upload-name";

export interface LibraryQuestion {
  id: string;
  /** As this document words it. */
  question: string;
  /** This document's answer, or the merged one when it gives none. */
  answer: string | null;
  topic: string;
  line: number;
}

export interface LibraryDocument {
  path: string;
  /** Added from the browser (and so removable from it). */
  uploaded: boolean;
  questions: LibraryQuestion[];
}

export interface Library {
  documents: LibraryDocument[];
  /** Questions stated across all documents (a question two documents ask counts twice). */
  totalQuestions: number;
  /** Of those, the ones matching the search. */
  matchingQuestions: number;
}

/**
 * Every indexed document this owner may see with the questions it states, in corpus order. With `query`, only the
 * questions whose wording or answer contains it (case-insensitive), and only documents with one.
 */
export async function getLibrary({ query, visibleTo }: { query?: string; visibleTo: string }): Promise<Library> {
  const { db } = await getDatabase();
  const [stored, questions] = await Promise.all([getStoredDocuments({ db, visibleTo }), listQuestions({ db, visibleTo })]);
  const byPath = new Map<string, LibraryQuestion[]>([...stored.keys()].sort().map((path) => [path, []]));
  for (const item of questions) {
    for (const source of item.sources) {
      byPath.get(source.document)?.push({ id: item.id, question: source.question, answer: source.answer ?? item.answer, topic: item.topic, line: source.line });
    }
  }
  const needle = query?.trim().toLowerCase() ?? "";
  const matches = (question: LibraryQuestion) => `${question.question}\n${question.answer ?? ""}`.toLowerCase().includes(needle);
  let totalQuestions = 0;
  let matchingQuestions = 0;
  const documents: LibraryDocument[] = [];
  for (const [path, all] of byPath) {
    all.sort((a, b) => a.line - b.line);
    const shown = needle ? all.filter(matches) : all;
    totalQuestions += all.length;
    matchingQuestions += shown.length;
    if (!needle || shown.length > 0) documents.push({ path, uploaded: isOwnUpload(path, visibleTo), questions: shown });
  }
  return { documents, totalQuestions, matchingQuestions };
}

/** A file as the browser sent it (a web `File` fits). */
export interface UploadedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A document refused before ingestion, with the HTTP status its refusal stands for. */
export interface RefusedUpload {
  document: string;
  message: string;
  code: Extract<ErrorCode, "payload_too_large" | "unsupported_media_type">;
}

/** An upload checked: what may be written (with its bytes and target path) and what was refused. */
export interface CheckedUpload {
  accepted: { bytes: Uint8Array; path: string }[];
  refused: RefusedUpload[];
}

export interface AddDocumentsSummary extends IngestSummary {
  /** Paths now in the library, e.g. content/uploads/notes.md (failed ones are not kept). */
  added: string[];
}

/**
 * Checks every file of an upload before anything is written: how many (MAX_DOCUMENTS_PER_UPLOAD),
 * the size of each (INGEST_MAX_DOCUMENT_MB), and that its content is what its name says
 * (sniffUpload). Gives each accepted file a safe, unique name in the owner's upload folder.
 * @throws AppError("bad_request") for no file, ("payload_too_large") for too many.
 */
export async function checkUploads({ files, ownerId }: { files: UploadedFile[]; ownerId: string }): Promise<CheckedUpload> {
  const env = getEnv();
  if (files.length === 0) throw new AppError("bad_request", "Choose at least one document to add.");
  if (files.length > env.MAX_DOCUMENTS_PER_UPLOAD) {
    throw new AppError("payload_too_large", `That is ${files.length} documents; add at most ${env.MAX_DOCUMENTS_PER_UPLOAD} at a time (MAX_DOCUMENTS_PER_UPLOAD).`);
  }
  const maxBytes = env.INGEST_MAX_DOCUMENT_MB * 1024 * 1024;
  const refused: RefusedUpload[] = [];
  const names = new Set<string>();
  const accepted: CheckedUpload["accepted"] = [];
  for (const file of files) {
    if (file.size > maxBytes) {
      refused.push({ document: file.name, code: "payload_too_large", message: `The document is ${formatMb(file.size)}; the limit is ${env.INGEST_MAX_DOCUMENT_MB} MB (INGEST_MAX_DOCUMENT_MB).` });
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sniffed = await sniffUpload({ name: file.name, bytes });
    const safe = safeUploadName(file.name);
    if (!sniffed.ok || !safe) {
      refused.push({ document: file.name, code: "unsupported_media_type", message: sniffed.ok ? "This type of file is not taken." : sniffed.message });
      continue;
    }
    let name = safe;
    for (let copy = 2; names.has(name); copy++) name = safe.replace(/(\.[a-z]+)$/, `-${copy}$1`);
    names.add(name);
    accepted.push({ bytes, path: `${uploadFolderOf(ownerId)}/${name}` });
  }
  return { accepted, refused };
}

/**
 * Writes checked documents into the owner's upload folder (a name used before is replaced: that
 * is how a corrected version goes in) and ingests them, reporting progress per document. A
 * document that cannot be ingested is an error in the summary and leaves nothing on disk (an
 * earlier version of it stays); the others still go in. The refusals of the check are reported
 * with the rest.
 */
export async function addDocuments({ upload, ownerId, onProgress }: { upload: CheckedUpload; ownerId: string; onProgress?: (progress: IngestProgress) => void }): Promise<AddDocumentsSummary> {
  const maxBytes = getEnv().INGEST_MAX_DOCUMENT_MB * 1024 * 1024;
  // The project root at run time, on purpose: the bundler must not trace (and ship) what lies under it.
  const root = /*turbopackIgnore: true*/ process.cwd();
  await fs.mkdir(nodePath.join(root, uploadFolderOf(ownerId)), { recursive: true });
  // Written aside then renamed: ingestion never reads half a file. Dot names are never ingested.
  const aside = (target: string, kind: string) => nodePath.join(/*turbopackIgnore: true*/ nodePath.dirname(target), `.${randomUUID()}.${kind}`);
  const written: { path: string; target: string; previous: string | null }[] = [];
  for (const { bytes, path } of upload.accepted) {
    const target = nodePath.join(/*turbopackIgnore: true*/ root, path);
    const temporary = aside(target, "part");
    await fs.writeFile(temporary, bytes);
    // An earlier upload of the same name waits aside: it comes back if the new one cannot be read.
    const previous = aside(target, "previous");
    const hadPrevious = await fs.rename(target, previous).then(() => true, () => false);
    await fs.rename(temporary, target);
    written.push({ path, target, previous: hadPrevious ? previous : null });
  }
  const [handle, loaded] = await Promise.all([getDatabase(), getEmbedder()]);
  const summary = await ingestDocuments({ db: handle.db, embedder: loaded.embedder, inputs: written.map((item) => item.path), root, maxBytes, onProgress });
  // A document that failed leaves no file behind to fail again at every start.
  const failed = new Set(summary.errors.map((error) => error.document));
  for (const { path, target, previous } of written) {
    if (failed.has(path)) await (previous ? fs.rename(previous, target) : fs.rm(target, { force: true }));
    else if (previous) await fs.rm(previous, { force: true });
  }
  const refused = upload.refused.map(({ document, message }) => ({ document, message }));
  // The corpus's totals would count other people's documents too: report what this owner can study.
  const visible = await getCorpusCounts({ db: handle.db, visibleTo: ownerId });
  return {
    ...summary,
    questions: visible.questions,
    sources: visible.sources,
    chunks: visible.chunks,
    merged: visible.sources - visible.questions,
    errors: [...refused, ...summary.errors],
    added: written.map((item) => item.path).filter((path) => !failed.has(path)),
  };
}

/**
 * Removes a document this owner added from the browser: its file and everything it contributed to
 * the question bank. Documents in content/ itself are the server owner's files and are never
 * deleted here; another person's upload does not exist for this one.
 */
export async function removeUploadedDocument({ path, ownerId }: { path: string; ownerId: string }): Promise<void> {
  const { db } = await getDatabase();
  const stored = await getStoredDocuments({ db, visibleTo: ownerId });
  if (!isOwnUpload(path, ownerId) || !stored.has(path)) {
    throw new AppError("not_found", "There is no uploaded document by that name.");
  }
  await fs.rm(nodePath.join(/*turbopackIgnore: true*/ process.cwd(), path), { force: true });
  await removeDocuments({ db, paths: [path], canonicalize });
}

export interface DocumentText {
  path: string;
  /** The text as ingestion read it, so line numbers match the citations. */
  lines: string[];
}

/**
 * The text of an indexed document under content/ that this owner may see, read from disk, for
 * the document viewer.
 * @throws AppError("not_found") for any path outside content/, not an indexed document, or someone else's.
 */
export async function readLibraryDocument({ path, visibleTo }: { path: string; visibleTo: string }): Promise<DocumentText> {
  const root = /*turbopackIgnore: true*/ process.cwd();
  const absolute = nodePath.resolve(/*turbopackIgnore: true*/ root, path);
  const contentRoot = nodePath.resolve(root, "content");
  const { db } = await getDatabase();
  if (!absolute.startsWith(`${contentRoot}${nodePath.sep}`) || !(await getStoredDocuments({ db, visibleTo })).has(path)) {
    throw new AppError("not_found", "There is no such document in the library.");
  }
  const maxBytes = getEnv().INGEST_MAX_DOCUMENT_MB * 1024 * 1024;
  const bytes = await fs.readFile(absolute).catch((error: unknown) => {
    throw new AppError("not_found", "This document is no longer on disk; restart the app to refresh the library.", { cause: error });
  });
  if (bytes.byteLength > maxBytes) throw new AppError("payload_too_large", `This document is larger than ${getEnv().INGEST_MAX_DOCUMENT_MB} MB.`);
  const data = new Uint8Array(bytes);
  // Read exactly as ingestion reads it (by content, not name), or the cited lines would not match.
  const text = isPdf(data) ? await readPdf(data) : fixMojibake(decodeText(data));
  const lines = normaliseNewlines(text).split("\n");
  // A final newline ends the last line; it does not start another.
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return { path, lines };
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
