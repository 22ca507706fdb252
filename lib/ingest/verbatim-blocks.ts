/**
 * Where fenced code (``` or ~~~) and display math (`$$`, `$`, `\[ … \]` on lines of their own)
 * start and end. Their content is never a question and is kept exactly in answers. An opening
 * line with no closing line is not a block: one stray fence must not swallow the rest of a
 * document. Found in one pass plus a lookup per opening line, so huge documents stay fast.
 */

export interface VerbatimBlock {
  close: number;
  kind: "code" | "math";
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const BARE_FENCE = /^\s*(`{3,}|~{3,})\s*$/;
const MATH = /^\s*(\$\$|\$|\\\[|\\\])\s*$/;

/** Opening line index → its block, for the given lines' texts. */
export function findVerbatimBlocks(texts: string[], { math }: { math: boolean }): Map<number, VerbatimBlock> {
  // Candidate closing lines by marker, in order, so each opening line looks ahead cheaply.
  const closers = new Map<string, number[]>();
  texts.forEach((text, index) => {
    const marker = text.match(BARE_FENCE)?.[1] ?? (math ? text.match(MATH)?.[1] : undefined);
    if (marker) {
      const key = marker.startsWith("`") || marker.startsWith("~") ? marker[0]! : marker;
      const list = closers.get(key) ?? [];
      list.push(index);
      closers.set(key, list);
    }
  });
  const blocks = new Map<number, VerbatimBlock>();
  const cursor = new Map<string, number>();
  for (let index = 0; index < texts.length; index++) {
    const fence = texts[index]!.match(FENCE)?.[1];
    const delimiter = math && !fence ? texts[index]!.match(MATH)?.[1] : undefined;
    if ((!fence && !delimiter) || delimiter === "\\]") continue;
    const key = fence ? fence[0]! : delimiter === "\\[" ? "\\]" : delimiter!;
    const candidates = closers.get(key) ?? [];
    let at = cursor.get(key) ?? 0;
    while (at < candidates.length && candidates[at]! <= index) at++;
    cursor.set(key, at);
    // A closing fence is at least as long as the opening one.
    while (fence && at < candidates.length && texts[candidates[at]!]!.trim().length < fence.length) at++;
    const close = candidates[at];
    if (close === undefined) continue;
    blocks.set(index, { close, kind: fence ? "code" : "math" });
    index = close;
  }
  return blocks;
}
