import { fileTypeFromBuffer, type FileTypeResult } from "file-type/core";
import { findInvalidUtf8, stripBom } from "@/lib/ingest/decode-text";
import { isPdf } from "@/lib/ingest/detect-format";
import { UPLOAD_EXTENSIONS, extensionOf } from "./upload-name";

/**
 * Whether an uploaded document's bytes are what its name says, judged from the content alone: a
 * browser's name and type are the sender's word. A `.pdf` must carry the PDF header; a Markdown,
 * HTML or text document must be UTF-8 text without NUL bytes (and not a PDF). What file-type
 * recognises is named in the refusal, so "notes.md" that is really a PNG says so.
 */

export type SniffResult = { ok: true } | { ok: false; message: string };

const TAKEN = `add Markdown, HTML, plain text or PDF documents (${UPLOAD_EXTENSIONS.join(", ")})`;

// Plain words for the binaries people most often pick by mistake; others get file-type's name.
const KIND_WORDS: Record<string, string> = {
  exe: "a Windows program",
  elf: "a Linux program",
  macho: "a macOS program",
  zip: "a ZIP archive",
  gz: "a gzip archive",
  tar: "a tar archive",
  "7z": "a 7-Zip archive",
  rar: "a RAR archive",
  png: "a PNG image",
  jpg: "a JPEG image",
  gif: "a GIF image",
  webp: "a WebP image",
  pdf: "a PDF",
  docx: "a Word document",
  xlsx: "an Excel workbook",
  pptx: "a PowerPoint presentation",
  doc: "a Word document",
  mp3: "an MP3 audio file",
  mp4: "an MP4 video",
};

/** The refusal for one document, or ok. `name` is the name as sent (only its extension counts). */
export async function sniffUpload({ name, bytes }: { name: string; bytes: Uint8Array }): Promise<SniffResult> {
  const extension = extensionOf((name.split(/[\\/]/).pop() ?? "").normalize("NFKD"));
  if (!extension) {
    const kind = await binaryKind(bytes);
    return { ok: false, message: `This type of file is not taken${kind ? ` (it is ${kind})` : ""}: ${TAKEN}.` };
  }
  if (extension === ".pdf") {
    if (isPdf(bytes)) return { ok: true };
    const kind = (await binaryKind(bytes)) ?? (isUtf8Text(bytes) ? "text" : "not a format this app knows");
    return { ok: false, message: `This document is named ${extension} but its content is not a PDF (it is ${kind}). Save it as a PDF, or give it the extension of what it is.` };
  }
  if (isPdf(bytes)) {
    return { ok: false, message: `This document is named ${extension} but its content is a PDF. Rename it to .pdf.` };
  }
  if (bytes.includes(0) || findInvalidUtf8(stripBom(bytes)) >= 0) {
    // Said first: file-type would take a UTF-16 byte-order mark for the start of an MP1 audio frame.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { ok: false, message: `This document is named ${extension} but its content is UTF-16 text. Save it as UTF-8 text and add it again.` };
    }
    const kind = await binaryKind(bytes);
    return {
      ok: false,
      message: kind
        ? `This document is named ${extension} but its content is ${kind}, not text: ${TAKEN}.`
        : `This document is named ${extension} but its content is not UTF-8 text (binary data, or another encoding). Save it as UTF-8 text and add it again.`,
    };
  }
  return { ok: true };
}

function isUtf8Text(bytes: Uint8Array): boolean {
  return !bytes.includes(0) && findInvalidUtf8(stripBom(bytes)) < 0;
}

/** What file-type recognises the bytes as, in words, or null. Text formats it knows (XML, vCard) count as text. */
async function binaryKind(bytes: Uint8Array): Promise<string | null> {
  let found: FileTypeResult | undefined;
  try {
    found = await fileTypeFromBuffer(bytes);
  } catch {
    return null;
  }
  if (!found || (found.mime.startsWith("text/") && isUtf8Text(bytes)) || (found.ext === "xml" && isUtf8Text(bytes))) return null;
  return KIND_WORDS[found.ext] ?? `a file of type ${found.ext.toUpperCase()} (${found.mime})`;
}
