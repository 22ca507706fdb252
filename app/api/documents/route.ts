import { requirePerson } from "@/lib/auth/current-person";
import { getEnv } from "@/lib/env";
import { AppError, toAppError } from "@/lib/errors";
import { addDocuments, checkUploads, type CheckedUpload, type UploadedFile } from "@/lib/interview/library";
import { withSecurityHeaders } from "@/lib/security/security-headers";

export const dynamic = "force-dynamic";

/**
 * POST multipart/form-data with `files`: checks each (count, size, content sniffed against its
 * name), writes the accepted ones into the person's upload folder and ingests them, answering with NDJSON as
 * it goes: `{type:"progress", done, total, document, status}` per document, then
 * `{type:"done", summary}` (refused and failed documents are in summary.errors), or
 * `{type:"error", message}`. When no document passes the check, nothing streams: the answer is
 * the refusal's status (413 too large, 415 not what its name says) with
 * `{error: {code, message}, errors: [{document, message}]}`. A request that cannot be read is a
 * JSON error too (400, 413).
 */
export async function POST(request: Request): Promise<Response> {
  // proxy.ts leaves this route alone (see its matcher): the headers are set here.
  return withSecurityHeaders(await addUpload(request));
}

async function addUpload(request: Request): Promise<Response> {
  let upload: CheckedUpload;
  let ownerId: string;
  try {
    ownerId = (await requirePerson()).id;
    upload = await checkUploads({ files: await readFiles(request), ownerId });
  } catch (error) {
    return toAppError(error).toResponse();
  }
  if (upload.accepted.length === 0) return refusal(upload);
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
        const summary = await addDocuments({ upload, ownerId, onProgress: (progress) => send({ type: "progress", ...progress }) });
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

/** Every document refused: 415 when any was not what its name says, else 413 (all too large). */
function refusal({ refused }: CheckedUpload): Response {
  const code = refused.some((item) => item.code === "unsupported_media_type") ? "unsupported_media_type" : "payload_too_large";
  const message = refused.length === 1 ? `${refused[0]!.document}: ${refused[0]!.message}` : `None of the ${refused.length} documents was added.`;
  const error = new AppError(code, message);
  return Response.json({ ...error.toJSON(), errors: refused.map(({ document, message }) => ({ document, message })) }, { status: error.status });
}

async function readFiles(request: Request): Promise<UploadedFile[]> {
  const { INGEST_MAX_DOCUMENT_MB: megabytes, MAX_DOCUMENTS_PER_UPLOAD: most } = getEnv();
  // Refuse an oversized body before buffering it: every file may be at most the document limit
  // (plus a little for the multipart framing of each).
  const limit = (megabytes * 1024 * 1024 + 16 * 1024) * most;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limit) {
    throw new AppError("payload_too_large", `That upload is too large: at most ${most} documents of ${megabytes} MB each (MAX_DOCUMENTS_PER_UPLOAD, INGEST_MAX_DOCUMENT_MB).`);
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
  return form.getAll("files").filter((value): value is File => typeof value !== "string");
}
