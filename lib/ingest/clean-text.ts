/**
 * Cleaning of the text a document gives for a question, a section or an answer. Questions are
 * reduced to plain words (they are spoken and compared); answers keep their line structure,
 * LaTeX, code and tables, since they are shown as references and split into key points.
 */

const LEFTOVER_TAG = /<\/?(?:u|b|i|em|strong|span|a|font|sup|sub|code|br|p|div|img|center|small|mark)\b[^<>]*>/gi;
const IMAGE = /!\[[^[\]\n]*\]\([^()\n]*\)/g;
const LINK = /\[([^[\]\n]*)\]\([^()\n]*\)/g;
// Code spans and LaTeX hold `*` and `_` that are not emphasis.
const PROTECTED = /`[^`\n]+`|\$\$[^$]+\$\$|\$[^$\n]+\$|\\\([^\n]{0,400}?\\\)/g;
const QUESTION_LABEL = /^(?:q(?:uestion)?\s*\d{0,3}\s*[.:)]|问题?\s*\d{0,3}\s*[:：.])\s*/i;
const NUMBERING = /^\(?\d{1,3}\s*[.)](?!\d)\s*/;
const ANSWER_LABEL_WORD = String.raw`(?:solutions?|answers?|ans|explanation|sol)`;
const ANSWER_LABELS = [
  new RegExp(String.raw`^\s*(\*{1,2}|_{1,2})\s*${ANSWER_LABEL_WORD}\s*[:：.]?\s*\1\s*[:：]?\s*`, "i"),
  new RegExp(String.raw`^\s*${ANSWER_LABEL_WORD}\s*[:：]\s*`, "i"),
  new RegExp(String.raw`^\s*${ANSWER_LABEL_WORD}\s*$`, "i"),
  /^\s*(?:a|答|解答|回答|答案)\s*[:：]\s*/i,
];
const SOLUTION_LABEL = /^(\s*)solution\s*:\s*/i;
const RULE = /^\s*([-*_=])(\s*\1){2,}\s*$/;
const LINK_ONLY = /^\s*(?:[-*+]\s+)?(?:\[[^[\]\n]*\]\([^()\n]*\)|<?https?:\/\/\S+>?)\s*$/;

/** Removes Markdown emphasis (`**b**`, `__b__`, `*i*`, `_i_`), leaving code and LaTeX as they are. */
export function stripEmphasis(text: string): string {
  const kept: string[] = [];
  const masked = text.replace(PROTECTED, (span) => `\u0000${kept.push(span) - 1}\u0000`);
  const plain = masked
    .replace(/\*\*|__/g, "")
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2");
  return plain.replace(/\u0000(\d+)\u0000/g, (_, index: string) => kept[Number(index)]!);
}

/** Inline text without tags, images, link targets or emphasis, whitespace collapsed. */
export function plainInline(text: string): string {
  return stripEmphasis(text.replace(LEFTOVER_TAG, "").replace(IMAGE, "").replace(LINK, "$1"))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A question or heading as plain words: no heading marks, bullet, `Q:` label, numbering,
 * emphasis or tags (`## 1. What is a _neural network_?` → `What is a neural network?`).
 */
export function cleanQuestion(text: string): string {
  let plain = plainInline(text.replace(/^\s*#{1,6}\s+/, "").replace(/^\s*[-*+•]\s+/, ""));
  plain = plain.replace(QUESTION_LABEL, "").replace(NUMBERING, "");
  return plain.replace(/^[\s:.\-–—]+/, "").replace(/\s*#+\s*$/, "").trim();
}

/** One line of an answer; `verbatim` lines (code, display math) are kept exactly as written. */
export interface AnswerLine {
  text: string;
  verbatim: boolean;
}

/** An answer line cleaned; null when only markup was on it (an image, a rule), so no gap is left. */
function cleanLine(text: string): string | null {
  const cleaned = text.replace(LEFTOVER_TAG, "").replace(IMAGE, "").replace(SOLUTION_LABEL, "$1").trimEnd();
  if (!text.trim()) return "";
  if (RULE.test(cleaned) || !cleaned.trim()) return null;
  // PDF text often indents a line by one stray space; deeper indents are list structure.
  return cleaned.replace(/^ (?=\S)/, "");
}

/**
 * An answer's text: tags and images removed, a leading `Solution:`/`Answer:`/`*solution*`/`答：`
 * label dropped, rules and trailing link lists trimmed, blank runs collapsed; code, LaTeX, tables
 * and lists kept. Null when nothing is left (an image on its own is not an answer).
 */
export function cleanAnswer(lines: AnswerLine[]): string | null {
  const out = lines.flatMap((line) => {
    const text = line.verbatim ? line.text.trimEnd() : cleanLine(line.text);
    return text === null ? [] : [{ text, verbatim: line.verbatim }];
  });
  const head = out.find((line) => line.text.trim());
  if (!head) return null;
  const label = head.verbatim ? undefined : ANSWER_LABELS.find((pattern) => pattern.test(head.text));
  if (label) head.text = head.text.replace(label, "");
  // Reference links after an answer ("[click](…)") belong to the page, unless they are all there is.
  const isLink = (line: AnswerLine) => !line.verbatim && LINK_ONLY.test(line.text);
  if (out.some((line) => line.text.trim() && !isLink(line))) {
    while (out.length && (!out.at(-1)!.text.trim() || isLink(out.at(-1)!))) out.pop();
  }
  // Answers indented under their question (a list item's continuation) lose the shared indent.
  const shared = out.reduce((least, line) => (line.text.trim() ? Math.min(least, line.text.match(/^ */)![0].length) : least), Infinity);
  const kept: string[] = [];
  for (const line of out.map((entry) => ({ ...entry, text: entry.text.slice(Math.min(shared, entry.text.match(/^ */)![0].length)) }))) {
    const blank = !line.text.trim();
    // Blank runs collapse to one, except inside code where spacing is the author's.
    if (blank && !line.verbatim && (!kept.length || kept.at(-1) === "")) continue;
    kept.push(blank ? "" : line.text);
  }
  while (kept.length && !kept.at(-1)!.trim()) kept.pop();
  const text = kept.join("\n");
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}
