/**
 * Splits a long answer into passages small enough to embed well and to quote, at paragraph
 * boundaries first and sentence boundaries when one paragraph is too long. Fenced code blocks and
 * `$$` formulas are kept whole where they fit, since half a formula matches nothing.
 */
export function chunkText(text: string, maxChars = 1000): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed ? [trimmed] : [];
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) chunks.push(current.trim());
    current = "";
  };
  for (const block of splitBlocks(trimmed)) {
    // A code block or formula stays whole up to twice the limit (an unclosed fence must not swallow
    // the rest of the answer into one giant chunk); beyond that it is cut like prose.
    const keepWhole = isAtomic(block) && block.length <= maxChars * 2;
    const pieces = block.length > maxChars && !keepWhole ? splitSentences(block, maxChars) : [block];
    for (const piece of pieces) {
      if (current && current.length + piece.length + 2 > maxChars) flush();
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  flush();
  return chunks;
}

/** Paragraphs, with fenced code and display math kept as single blocks even across blank lines. */
function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let buffer: string[] = [];
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const marker = line.trim().match(/^(```|~~~|\$\$)/)?.[1] ?? null;
    if (fence) {
      buffer.push(line);
      if (marker === fence && !(fence === "$$" && line.trim() !== "$$" && buffer.length === 1)) fence = null;
      continue;
    }
    if (marker && !(marker === "$$" && /^\$\$.+\$\$$/.test(line.trim()))) fence = marker;
    if (!line.trim() && !fence) {
      if (buffer.length) blocks.push(buffer.join("\n"));
      buffer = [];
      continue;
    }
    buffer.push(line);
  }
  if (buffer.length) blocks.push(buffer.join("\n"));
  return blocks;
}

function isAtomic(block: string): boolean {
  return /^(```|~~~|\$\$)/.test(block.trim());
}

function splitSentences(block: string, maxChars: number): string[] {
  const sentences = block.match(/[^.!?\n]+(?:[.!?]+|\n|$)\s*/g) ?? [block];
  const pieces: string[] = [];
  let current = "";
  for (const sentence of sentences) {
    if (current && current.length + sentence.length > maxChars) {
      pieces.push(current.trim());
      current = "";
    }
    // A single run-on "sentence" longer than the limit is cut at word boundaries, or hard.
    if (sentence.length > maxChars) {
      pieces.push(...hardWrap(sentence, maxChars));
      continue;
    }
    current += sentence;
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

/** Cuts text into pieces of at most `maxChars`, at the last space when there is one. */
function hardWrap(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > maxChars) {
    const space = rest.lastIndexOf(" ", maxChars);
    const cut = space > maxChars / 2 ? space : maxChars;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
