import { decodeEntities } from "@/lib/ingest/html-entities";
import { BLOCK_TAGS, DROPPED_TAGS, isTag } from "@/lib/ingest/html-tags";
import { splitLines, type SourceLine } from "@/lib/ingest/source-lines";
import { findVerbatimBlocks } from "@/lib/ingest/verbatim-blocks";

/**
 * HTML (a whole page, or the inline HTML of a Markdown file) turned into Markdown-like lines that
 * the question finder reads: `<b>` becomes `**`, `<h2>` becomes `## `, `<li>` becomes `- `, `<br>`
 * and block tags break lines, scripts, styles and comments vanish, entities are decoded. Each line
 * keeps the number of the stored line it starts on. Fenced code blocks pass through untouched,
 * and so does anything that only looks like a tag (`a < b`, `List<T>`): tags must be known HTML.
 */

export interface HtmlToLinesResult {
  lines: SourceLine[];
  /** The page's `<title>`, when it has one. */
  title: string | null;
}

const ATTRIBUTES = String.raw`(?:\s+[^\s"'<>/=$]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\`$]+))?)*`;
const TAG = new RegExp(String.raw`<(/?)([a-zA-Z][a-zA-Z0-9]*)(${ATTRIBUTES})\s*/?>`, "y");
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>/y;
const CODE_SPAN = /`[^`\n]+`/y;
const KRAMDOWN_MARKER = /^\s*\{:[^}]*\}\s*$/;

/** Builds output lines while tracking which stored line the text being read comes from. */
class LineBuilder {
  readonly lines: SourceLine[] = [];
  private current = "";
  private currentLine: number;
  private sourceLine: number;
  // Set by `<br>` and block tags; the newline that usually follows them is then not a second break.
  private afterBreak = false;

  constructor(firstLine: number) {
    this.currentLine = firstLine;
    this.sourceLine = firstLine;
  }

  text(text: string): void {
    const parts = text.split("\n");
    this.append(parts[0]!);
    for (const part of parts.slice(1)) {
      this.sourceLine++;
      if (this.afterBreak && !this.current.trim()) {
        this.current = "";
        this.currentLine = this.sourceLine;
      } else this.flush();
      this.afterBreak = false;
      this.append(part);
    }
  }

  private append(text: string): void {
    this.current += text;
    if (text.trim()) this.afterBreak = false;
  }

  /** Moves past source text that produces nothing (a script, a tag across lines). */
  skip(text: string): void {
    this.sourceLine += text.split("\n").length - 1;
    // Nothing written yet: the line's text will start where the skipped part ends.
    if (!this.current.trim()) this.currentLine = this.sourceLine;
  }

  /** Ends the current line: an empty one too, since `<br><br>` separates paragraphs. */
  flush(): void {
    this.lines.push({ text: this.current, line: this.currentLine });
    this.current = "";
    this.currentLine = this.sourceLine;
  }

  /** A `<br>`. */
  lineBreak(): void {
    this.flush();
    this.afterBreak = true;
  }

  /** Ends the current line only if it has text: block tags should not pile up blank lines. */
  softBreak(): void {
    if (this.current.trim()) this.flush();
    else {
      this.current = "";
      this.currentLine = this.sourceLine;
    }
    this.afterBreak = true;
  }

  finish(): SourceLine[] {
    this.flush();
    return this.lines;
  }
}

interface ConvertState {
  title: string | null;
  inPre: boolean;
  /** Elements whose closing tag is known to be missing from here on; not searched for again. */
  unclosed: Set<string>;
}

function applyTag(out: LineBuilder, state: ConvertState, closing: boolean, name: string): void {
  if (name === "br") out.lineBreak();
  else if (/^h[1-6]$/.test(name)) {
    out.softBreak();
    if (!closing) out.text(`${"#".repeat(Number(name[1]))} `);
  } else if (name === "li") {
    out.softBreak();
    if (!closing) out.text("- ");
  } else if (name === "pre") {
    out.softBreak();
    out.text("```");
    out.softBreak();
    state.inPre = !closing;
  } else if (name === "b" || name === "strong") out.text("**");
  else if (name === "i" || name === "em") out.text("*");
  else if (name === "code") out.text(state.inPre ? "" : "`");
  else if (BLOCK_TAGS.has(name)) out.softBreak();
  else if (name === "td" || name === "th") out.text(" ");
}

/** Converts one stretch of HTML-bearing text (no fenced code inside) starting at `firstLine`. */
function convert(html: string, firstLine: number, state: ConvertState): SourceLine[] {
  const out = new LineBuilder(firstLine);
  let textStart = 0;
  const emitText = (end: number) => {
    if (end > textStart) out.text(html.slice(textStart, end).split("\n").map(decodeEntities).join("\n"));
  };
  for (let index = 0; index < html.length; index++) {
    if (html[index] === "`") {
      // A code span shows tags as text (`<br>`), so it is skipped over whole.
      const span = matchAt(CODE_SPAN, html, index);
      if (span) index += span[0].length - 1;
      continue;
    }
    if (html[index] !== "<") continue;
    const match = matchAt(COMMENT, html, index) ?? matchAt(TAG, html, index);
    const name = match?.[2]?.toLowerCase();
    if (!match || (name !== undefined && !isTag(name, match[3] ?? ""))) continue;
    emitText(index);
    let consumed = match[0];
    if (name && !match[1] && (DROPPED_TAGS.has(name) || name === "title")) {
      const close = new RegExp(`</${name}\\s*>`, "ig");
      close.lastIndex = index + consumed.length;
      const end = state.unclosed.has(name) ? null : close.exec(html);
      if (!end) state.unclosed.add(name);
      // Without its closing tag, only the opening tag goes: prose that names `<script>` stays.
      if (end) consumed = html.slice(index, end.index + end[0].length);
      if (end && name === "title") state.title ??= decodeEntities(consumed.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim() || null;
    } else if (name) applyTag(out, state, match[1] === "/", name);
    out.skip(consumed);
    index += consumed.length - 1;
    textStart = index + 1;
  }
  emitText(html.length);
  return out.finish();
}

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** Converts a document's text to Markdown-like lines, keeping each line's stored line number. */
export function htmlToLines(text: string, firstLine = 1): HtmlToLinesResult {
  const source = splitLines(text, firstLine);
  const state: ConvertState = { title: null, inPre: false, unclosed: new Set() };
  const lines: SourceLine[] = [];
  let run: SourceLine[] = [];
  // Appended one by one: spreading a huge document into push() would overflow the stack.
  const append = (more: SourceLine[]) => {
    for (const line of more) lines.push(line);
  };
  const flushRun = () => {
    if (run.length) append(convert(run.map((line) => line.text).join("\n"), run[0]!.line, state));
    run = [];
  };
  const fences = findVerbatimBlocks(source.map((line) => line.text), { math: false });
  for (let index = 0; index < source.length; index++) {
    const close = fences.get(index)?.close;
    if (close !== undefined) {
      flushRun();
      append(source.slice(index, close + 1));
      index = close;
    } else run.push(KRAMDOWN_MARKER.test(source[index]!.text) ? { ...source[index]!, text: "" } : source[index]!);
  }
  flushRun();
  return { lines, title: state.title };
}
