/**
 * A document's text as numbered lines. Every later step works on these, so that a question can
 * always say which line of the stored document it stands on, however the text was transformed.
 */

/** One line of text and the 1-based line of the stored document where it starts. */
export interface SourceLine {
  text: string;
  line: number;
}

/** Line endings folded to `\n`: CRLF from Windows, lone CR from old Mac files (editors count both). */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** The text split into lines numbered from `firstLine` (1 by default). */
export function splitLines(text: string, firstLine = 1): SourceLine[] {
  return normaliseNewlines(text)
    .split("\n")
    .map((line, offset) => ({ text: line, line: firstLine + offset }));
}
