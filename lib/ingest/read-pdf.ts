import { AppError } from "@/lib/errors";

/**
 * The text of a PDF, page after page, through unpdf (PDF.js built for servers). Pages are joined
 * with a newline, so a question's line number counts lines of this extracted text.
 */

/**
 * The PDF's text, one string per page joined by newlines.
 * @throws AppError("bad_request") when the file is not a readable PDF.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  // Loaded on demand: PDF.js is large and most documents are text.
  const { extractText, getDocumentProxy } = await import("unpdf");
  try {
    // PDF.js may take ownership of (detach) the buffer it is given, so it gets a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      const { text } = await extractText(pdf, { mergePages: false });
      return text.join("\n");
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("bad_request", `This PDF could not be read (${reason}). Re-export it or save its text as a .txt or .md file.`, { cause: error });
  }
}
