/** Formats a document can be read as; detected from its bytes, never from its file name. */
export type DocumentFormat = "markdown" | "html" | "text" | "pdf";

/** One question as one document states it, with where it stands there. */
export interface ExtractedQuestion {
  /** The question as this document words it, cleaned (no tags, emphasis, numbering or labels). */
  question: string;
  /** The reference answer, cleaned but with LaTeX, code blocks, tables and lists kept; null when empty. */
  answer: string | null;
  /** 1-based line of the question in the document as stored (for a PDF: in its extracted text). */
  line: number;
  /** The nearest enclosing section heading, cleaned, or null when the document has none. */
  section: string | null;
}

/** What reading one document yields, before merging across documents. */
export interface ParsedDocument {
  format: DocumentFormat;
  /** The document's own title (front matter `title`, first `#` heading, HTML `<title>`), if any. */
  title: string | null;
  questions: ExtractedQuestion[];
}
