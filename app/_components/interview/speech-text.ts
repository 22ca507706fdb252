/**
 * Markdown as words to be read aloud: no code blocks, link targets, emphasis marks or table rules.
 * Formulas keep their source, which a voice reads better than nothing.
 */
export function toSpeech(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " (code shown on screen) ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/^\s*\|?[\s:|-]+\|?\s*$/gm, "")
    .replace(/[*_~|]+/g, " ")
    .replace(/\$+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
