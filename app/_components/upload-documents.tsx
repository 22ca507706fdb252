"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { errorMessageOf, readNdjson } from "./read-ndjson";

type UploadEvent =
  | { type: "progress"; done: number; total: number; document: string; status: "skipped" | "indexed" | "failed" }
  | { type: "done"; summary: { added: string[]; questions: number; errors: { document: string; message: string }[] } }
  | { type: "error"; message: string };

const STATUS_WORDS = { skipped: "unchanged", indexed: "added", failed: "failed" } as const;

/** The per-document reasons of a refused upload (`{errors: [{document, message}]}`), if it has them. */
async function refusedDocuments(response: Response): Promise<{ document: string; message: string }[] | null> {
  try {
    const body = (await response.json()) as { errors?: unknown };
    const list = Array.isArray(body.errors) ? body.errors.filter((item): item is { document: string; message: string } => typeof item?.document === "string" && typeof item?.message === "string") : [];
    return list.length > 0 ? list : null;
  } catch {
    return null;
  }
}

/** Adds documents from the browser and shows ingestion as it goes, then what went wrong per document. */
export function UploadDocuments({ accept, folder, private: own, maxDocuments, maxMegabytes }: { accept: string; folder: string; private: boolean; maxDocuments: number; maxMegabytes: number }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ document: string; message: string }[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = [...(inputRef.current?.files ?? [])];
    if (busyRef.current) return;
    if (files.length === 0) {
      setFailure("Choose one or more documents first.");
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setFailure(null);
    setResult(null);
    setErrors([]);
    setProgress({ done: 0, total: files.length, label: `Uploading ${files.length} ${files.length === 1 ? "document" : "documents"}…` });
    const body = new FormData();
    for (const file of files) body.append("files", file);
    try {
      const response = await fetch("/api/documents", { method: "POST", body });
      if (!response.ok) {
        // Every document refused (type, size): the server lists why for each, as the page does.
        const refused = await refusedDocuments(response.clone());
        if (refused) {
          setResult("0 documents added.");
          setErrors(refused);
          return;
        }
        throw new Error(await errorMessageOf(response));
      }
      await readNdjson(response, (value) => {
        const update = value as UploadEvent;
        if (update.type === "progress") {
          setProgress({ done: update.done, total: update.total, label: `${update.done} of ${update.total}: ${update.document} (${STATUS_WORDS[update.status]})` });
        } else if (update.type === "done") {
          const added = update.summary.added.length;
          setResult(`${added} ${added === 1 ? "document" : "documents"} added; the question bank now holds ${update.summary.questions} questions.`);
          setErrors(update.summary.errors);
        } else {
          throw new Error(update.message);
        }
      });
      if (inputRef.current) inputRef.current.value = "";
      router.refresh();
    } catch (caught) {
      setFailure(caught instanceof Error && caught.message !== "Failed to fetch" ? caught.message : "Could not reach the server. Try again.");
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} className="upload-form">
      <div className="field">
        <label htmlFor="add-documents">Add documents</label>
        <input id="add-documents" ref={inputRef} type="file" name="files" accept={accept} multiple aria-describedby="add-documents-help" />
        <p id="add-documents-help" className="hint">
          Markdown, HTML, plain text (UTF-8) or PDF; up to {maxDocuments} at a time, {maxMegabytes} MB each. {own ? "Only you see them; they" : "They"} are saved in{" "}
          <code>{folder}/</code>; a document with the same name replaces the earlier one.
        </p>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Upload
      </button>
      {progress && (
        <div className="upload-progress">
          <label htmlFor="upload-progress">{progress.label}</label>
          <progress id="upload-progress" max={Math.max(progress.total, 1)} value={progress.done} />
        </div>
      )}
      {result && (
        <p role="status" className="success">
          {result}
        </p>
      )}
      {errors.length > 0 && (
        <div role="alert" className="form-error">
          <p>{errors.length === 1 ? "One document was not added:" : `${errors.length} documents were not added:`}</p>
          <ul>
            {errors.map((error) => (
              <li key={`${error.document}:${error.message}`}>
                <strong>{error.document}</strong>: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </form>
  );
}
