import { requirePerson } from "@/lib/auth/current-person";
import { getEnv } from "@/lib/env";
import { AppError, toAppError } from "@/lib/errors";
import { addDocuments, MAX_FILES_PER_UPLOAD, type UploadedFile } from "@/lib/interview/library";

export const dynamic = "force-dynamic";

/**
 * POST multipart/form-data with `files`: writes them into the person's upload folder and ingests them,
 * answering with NDJSON as it goes: `{type:"progress", done, total, document, status}` per
 * document, then `{type:"done", summary}` (refused and failed documents are in summary.errors),
 * or `{type:"error", message}`. A request that cannot be read is a JSON error before any streaming.
 */
export async function POST(request: Request): Promise<Response> {
  let files: UploadedFile[];
  let ownerId: string;
  try {
    ownerId = (await requirePerson()).id;
    files = await readFiles(request);
  } catch (error) {
    return toAppError(error).toResponse();
  }
  const encoder = new TextEncoder();
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    cancel() {
      open = false;
    },
    async start(controller) {
      // A person who leaves the page does not stop ingestion half-way: the documents are on disk already.
      const send = (value: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch {
          open = false;
        }
      };
      try {
        const summary = await addDocuments({ files, ownerId, onProgress: (progress) => send({ type: "progress", ...progress }) });
        send({ type: "done", summary });
      } catch (error) {
        const failure = toAppError(error);
        if (failure.code === "internal") console.error("adding documents failed", error);
        send({ type: "error", message: failure.message });
      } finally {
        if (open) controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}

async function readFiles(request: Request): Promise<UploadedFile[]> {
  // Refuse an oversized body before buffering it: every file may be at most the document limit.
  const limit = getEnv().INGEST_MAX_DOCUMENT_MB * 1024 * 1024 * MAX_FILES_PER_UPLOAD;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limit) {
    throw new AppError("payload_too_large", `That upload is too large: at most ${MAX_FILES_PER_UPLOAD} documents of ${getEnv().INGEST_MAX_DOCUMENT_MB} MB each.`);
  }
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    throw new AppError("bad_request", "Send the documents as multipart/form-data in a field named files.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    throw new AppError("bad_request", "The upload could not be read. Try again.", { cause: error });
  }
  const files = form.getAll("files").filter((value): value is File => typeof value !== "string");
  if (files.length === 0) throw new AppError("bad_request", "Choose at least one document to add.");
  if (files.length > MAX_FILES_PER_UPLOAD) throw new AppError("bad_request", `Add at most ${MAX_FILES_PER_UPLOAD} documents at a time.`);
  return files;
}
