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
// Openers that are nouns as often as verbs ("List of questions", "Design Patterns", "State of the
// art"): instructions only when a determiner follows ("List the…", "Name an…", "Design a…").
const NOUN_LIKE_IMPERATIVES = new Set(["name", "list", "state", "design", "outline", "sketch", "show", "draw", "contrast"]);
const DETERMINERS = new Set([
  "a", "an", "the", "two", "three", "four", "five", "some", "any", "all", "each", "every", "your", "our", "its",
  "their", "this", "these", "those", "one", "how", "what", "why", "when", "which", "whether", "examples", "at",
]);
// Headings that open like questions but are page furniture ("How to contribute").
const FURNITURE = /^(how to (contribute|install|use this|run|cite|get started|build|test|support|read this)|how it works|what'?s (new|next)|who (we are|am i)|where to (start|find))\b/i;
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

/**
 * Splits `What is X? — X is…` or `What is X? Answer: X is…` into question and answer. Only an
 * explicit dash or label after the question mark counts: `What is X? Explain with an example.`
 * is one question in two sentences.
 */
export function splitInlineAnswer(text: string): { question: string; answer: string | null } {
  const match = text.match(/^(.*?[?？])\s+(?:[—–]|-{1,2}|(?:ans(?:wer)?|solution)\s*[:：.])\s*(\S.*)$/i);
  return match ? { question: match[1]!.trim(), answer: match[2]!.trim() } : { question: text, answer: null };
}

/** Whether the first two words open an instruction. */
function isImperative(first: string, second: string, strict: boolean): boolean {
  if (!STRICT_IMPERATIVES.has(first) && (strict || !LOOSE_IMPERATIVES.has(first))) return false;
  return !NOUN_LIKE_IMPERATIVES.has(first) || DETERMINERS.has(second);
}

/** The first two words, lower-cased, when the text opens with a word followed by another. */
function openingWords(text: string): [string, string] | null {
  const words = text.replace(/[‘’]/g, "'").match(/^([A-Za-z][A-Za-z']*)\s+([A-Za-z']+|\S)/);
  return words ? [words[1]!.toLowerCase(), words[2]!.toLowerCase()] : null;
}

/** The question-like cues in cleaned text (no numbering, markup or heading marks). */
export function questionCue(text: string): QuestionCue {
  const { question } = splitTrailingNote(text);
  const questionMark = /[?？]["'”’)]*$/.test(question);
  const words = openingWords(question);
  let opener: Opener | null = null;
  if (/^true\s*(\/|or)\s*false\b/i.test(question)) opener = "true-false";
  else if (FURNITURE.test(question.replace(/[‘’]/g, "'"))) opener = null;
  else if (!words) opener = CHINESE_INTERROGATIVE.test(question) ? "interrogative" : null;
  else if (INTERROGATIVES.has(words[0])) opener = "interrogative";
  else if (AUXILIARIES.has(words[0])) opener = "auxiliary";
  else if (isImperative(words[0], words[1], false)) opener = "imperative";
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
  const words = openingWords(question);
  return (words !== null && isImperative(words[0], words[1], true)) || /^true\s*(\/|or)\s*false\b/i.test(question);
}
