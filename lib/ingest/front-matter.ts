/**
 * Jekyll/Hugo front matter: a YAML block between `---` lines at the very top. It is metadata, not
 * content, but its `title:` is the document's own title. The block is blanked rather than removed
 * so that every later line keeps its number in the stored document.
 */

export interface FrontMatterResult {
  /** The text with the front matter lines emptied (same number of lines). */
  text: string;
  /** The `title:` value, unquoted, when the front matter has one. */
  title: string | null;
}

const KEY_LINE = /^[A-Za-z_][\w-]*\s*:/;

/** Splits off the front matter, if the text starts with one; otherwise returns the text as is. */
export function stripFrontMatter(text: string): FrontMatterResult {
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") return { text, title: null };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  // Without a closing line, or without a single `key:` line, the `---` is a horizontal rule.
  if (end < 0 || !lines.slice(1, end).some((line) => KEY_LINE.test(line))) return { text, title: null };
  const titleLine = lines.slice(1, end).find((line) => /^title\s*:/.test(line));
  const title = titleLine ? unquote(titleLine.replace(/^title\s*:/, "").trim()) : "";
  const blanked = lines.map((line, index) => (index <= end ? "" : line));
  return { text: blanked.join("\n"), title: title || null };
}

function unquote(value: string): string {
  const quoted = value.match(/^(["'])(.*)\1$/);
  return (quoted ? quoted[2]! : value).trim();
}
