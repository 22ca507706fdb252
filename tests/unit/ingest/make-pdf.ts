/**
 * A minimal, valid PDF built by hand for tests: one Helvetica text object per page, one line of
 * text per `Tj`, and a cross-reference table whose byte offsets are computed, not guessed, so
 * PDF.js reads it without falling back to reconstruction. ASCII only, which keeps characters and
 * bytes one to one.
 */

function escapePdfString(text: string): string {
  if (/[^\x20-\x7e]/.test(text)) throw new Error(`makePdf takes printable ASCII only: ${JSON.stringify(text)}`);
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}

/** A PDF whose pages hold the given lines of text, top to bottom (an empty page has no text). */
export function makePdf(pages: string[][]): Uint8Array {
  const objects: string[] = [];
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const pageIds: number[] = [];
  pages.forEach((lines, page) => {
    const pageId = 4 + page * 2;
    const contentId = pageId + 1;
    pageIds.push(pageId);
    // 14pt leading; T* moves to the next line, so each string is its own line of extracted text.
    const stream = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td", ...lines.map((line) => `(${escapePdfString(line)}) Tj T*`), "ET"].join("\n");
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;

  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  // Each xref entry is exactly 20 bytes: offset, generation, flag, then the two-byte end of line " \n".
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
