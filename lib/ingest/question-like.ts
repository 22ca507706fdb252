/**
 * Whether a line of cleaned text reads like an interview question: it ends with a question mark,
 * or opens with an interrogative ("What", "Is"), an instruction ("Explain", "Compare") or
 * "True/false:". Numbered lines are judged by this too, to tell questions from answer lists.
 */

export type Opener = "interrogative" | "auxiliary" | "imperative" | "true-false";

export interface QuestionCue {
  /** Ends with `?` (before any parenthesised note). */
  questionMark: boolean;
  opener: Opener | null;
}

const INTERROGATIVES = new Set(["what", "what's", "whats", "why", "how", "when", "which", "who", "whom", "whose", "where"]);
const AUXILIARIES = new Set([
  "is", "are", "can", "could", "do", "does", "did", "should", "would", "will", "has", "have", "was", "were",
  "may", "might", "must", "shall", "isn't", "aren't", "can't", "don't", "doesn't",
]);
// Instructions that open questions and are rare at the start of an answer's sentences.
const STRICT_IMPERATIVES = new Set([
  "explain", "describe", "compare", "contrast", "define", "name", "list", "give", "state", "discuss",
  "differentiate", "distinguish", "outline", "derive", "prove", "implement", "write", "design",
  "illustrate", "elaborate", "summarize", "summarise", "mention", "enumerate", "justify", "identify",
]);
// Instructions that also open answer sentences ("Suppose there is a wine shop...").
const LOOSE_IMPERATIVES = new Set(["suppose", "assume", "consider", "show", "pick", "walk", "calculate", "compute", "tell", "draw", "sketch", "classify", "evaluate", "analyze", "analyse", "propose", "predict", "demonstrate", "interpret", "given"]);
const CHINESE_INTERROGATIVE = /什么|为什么|如何|怎么|怎样|哪[些个种]|是否|吗[？?]?$/;

/**
 * Splits `Question? (note)` into the question and the note inside the last balanced parentheses;
 * only when the question before the note ends with `?`, so `(i.e. linear regression?)` at the end
 * of an instruction stays part of it.
 */
export function splitTrailingNote(text: string): { question: string; note: string | null } {
  const trimmed = text.trim();
  if (!trimmed.endsWith(")")) return { question: trimmed, note: null };
  let depth = 0;
  for (let index = trimmed.length - 1; index >= 0; index--) {
    if (trimmed[index] === ")") depth++;
    else if (trimmed[index] === "(" && --depth === 0) {
      const question = trimmed.slice(0, index).trim();
      const note = trimmed.slice(index + 1, -1).trim();
      return /[?？]$/.test(question) && note ? { question, note } : { question: trimmed, note: null };
    }
  }
  return { question: trimmed, note: null };
}

/** The question-like cues in cleaned text (no numbering, markup or heading marks). */
export function questionCue(text: string): QuestionCue {
  const { question } = splitTrailingNote(text);
  const questionMark = /[?？]["'”’)]*$/.test(question);
  const words = question.match(/^([A-Za-z][A-Za-z']*)(\s+|\/)(\S+)/);
  const first = words?.[1]?.toLowerCase() ?? "";
  let opener: Opener | null = null;
  if (/^true\s*(\/|or)\s*false\b/i.test(question)) opener = "true-false";
  else if (!words) opener = CHINESE_INTERROGATIVE.test(question) ? "interrogative" : null;
  else if (INTERROGATIVES.has(first)) opener = "interrogative";
  else if (AUXILIARIES.has(first)) opener = "auxiliary";
  else if (words[2] !== "/" && (STRICT_IMPERATIVES.has(first) || LOOSE_IMPERATIVES.has(first))) opener = "imperative";
  return { questionMark, opener };
}

/** Reads like a question: a question mark or any question opener. */
export function isQuestionLike(text: string): boolean {
  const cue = questionCue(text);
  return cue.questionMark || cue.opener !== null;
}

/**
 * Reads like a question even with no number or heading to say so: a question mark, or an
 * instruction that rarely opens an answer's sentence. Used for bare lists of questions.
 */
export function isStandaloneQuestion(text: string): boolean {
  const { question } = splitTrailingNote(text);
  if (/[?？]["'”’)]*$/.test(question)) return true;
  const first = question.match(/^([A-Za-z]+)\s+\S/)?.[1]?.toLowerCase() ?? "";
  return STRICT_IMPERATIVES.has(first) || /^true\s*(\/|or)\s*false\b/i.test(question);
}
