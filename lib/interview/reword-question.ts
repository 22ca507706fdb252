import type { InterviewStyle } from "./types";
import { chance, pick, type PhraseSeed } from "./seeded-pick";

/**
 * Rewording of a cleaned question into something an interviewer would say, limited to patterns
 * whose meaning cannot change: "What is X?" asks for the same thing as "In your own words, what is
 * X?", "Explain X." as "Can you explain X?". Anything else (several sentences, "and why...",
 * "or", lists) is asked exactly as the document words it.
 */

interface Pattern {
  match: RegExp;
  /** Wordings with $1 for the captured part; the first is the plainest. */
  wordings: string[];
  /** "What is/are X": X must be a thing to explain, not "your thoughts on" or "the most used". */
  guarded?: boolean;
}

// A subject safe to move into another frame: a plain noun phrase, no second clause or alternative.
const PLAIN = String.raw`((?:(?![,;:?]| and (?:why|how|what|when)| or ).){1,80}?)`;

const PATTERNS: Pattern[] = [
  {
    match: new RegExp(String.raw`^What (?:is|are) the difference between ${PLAIN}\?$`, "i"),
    wordings: ["How would you explain the difference between $1?", "Can you walk me through the difference between $1?"],
  },
  {
    match: new RegExp(String.raw`^What is ((?:a|an|the) )?${PLAIN}\?$`, "i"),
    wordings: ["What is $1$2, in your own words?", "In your own words, what is $1$2?", "How would you explain what $1$2 is?"],
    guarded: true,
  },
  {
    match: new RegExp(String.raw`^What are ${PLAIN}\?$`, "i"),
    wordings: ["What are $1, in your own words?", "In your own words, what are $1?", "How would you explain what $1 are?"],
    guarded: true,
  },
  {
    match: new RegExp(String.raw`^What do you (?:understand|mean) by ${PLAIN}\?$`, "i"),
    wordings: ["What is your understanding of $1?", "How would you explain $1?", "What do you understand by $1?"],
  },
  {
    match: new RegExp(String.raw`^How does ${PLAIN} work\?$`, "i"),
    wordings: ["Can you walk me through how $1 works?", "How would you explain how $1 works?"],
  },
  {
    match: new RegExp(String.raw`^How do ${PLAIN} work\?$`, "i"),
    wordings: ["Can you walk me through how $1 work?", "How would you explain how $1 work?"],
  },
  {
    match: new RegExp(String.raw`^Explain ((?:why|how|what|when|where|which|whether) .{1,120})\.$`, "i"),
    wordings: ["Can you explain $1?", "Could you walk me through $1?", "How would you explain $1?"],
  },
  {
    match: new RegExp(String.raw`^Explain ${PLAIN}\.$`, "i"),
    wordings: ["Can you explain $1?", "How would you explain $1?", "Could you walk me through $1?"],
  },
  {
    match: new RegExp(String.raw`^Describe ${PLAIN}\.$`, "i"),
    wordings: ["Can you describe $1?", "Could you walk me through $1?", "How would you describe $1?"],
  },
  {
    match: new RegExp(String.raw`^Define ${PLAIN}\.$`, "i"),
    wordings: ["How would you define $1?", "Can you define $1?"],
  },
  {
    match: new RegExp(String.raw`^Compare ${PLAIN}\.$`, "i"),
    wordings: ["How would you compare $1?", "Can you compare $1?"],
  },
];

// The tough interviewer asks for the thing itself, no softening.
const TOUGH_PATTERNS: Pattern[] = [
  { match: new RegExp(String.raw`^What is ((?:a|an|the) )?${PLAIN}\?$`, "i"), wordings: ["Define $1$2.", "What is $1$2? Precisely."], guarded: true },
  { match: new RegExp(String.raw`^Can you explain ${PLAIN}\?$`, "i"), wordings: ["Explain $1."] },
  { match: new RegExp(String.raw`^How does ${PLAIN} work\?$`, "i"), wordings: ["How does $1 work, exactly?", "Walk me through how $1 works."] },
];

// Subjects that do not survive a new frame: "your thoughts on X, in your own words?", "the most
// used function, in your own words?", "X used for, in your own words?".
const UNSAFE_SUBJECT = /\byou(?:r|rs|rself)?\b|^(?:the |some |a |an )?(?:most|least|best|worst|main|first|last|next|\w+est)\b|\b(?:used|called|meant|done|needed)\b|\b(?:for|of|to|in|on|with|by|from|about|at)$/i;

/** How often a question that could be reworded is: the document's wording is fine half the time. */
const REWORD_SHARE = 0.55;

/**
 * The cleaned question, sometimes reworded in a safe pattern for the style (chosen by the seed).
 * A question of several sentences is never reworded. Pure.
 */
export function rewordQuestion(question: string, style: InterviewStyle, seed: PhraseSeed): string {
  if (/[?.!]\s+\S/.test(question) || !chance(REWORD_SHARE, seed, "reword")) return question;
  for (const { match, wordings, guarded } of style === "tough" ? [...TOUGH_PATTERNS, ...PATTERNS] : PATTERNS) {
    const found = question.match(match);
    if (!found) continue;
    const wording = pick(wordings, seed, "wording");
    const article = (found.length > 2 ? found[1] ?? "" : "").toLowerCase();
    const subject = (found.length > 2 ? found[2] : found[1])!;
    if ((guarded && UNSAFE_SUBJECT.test(subject)) || subject.split(/\s+/).length > 12) return question;
    return wording.replace("$1$2", `${article}${subject}`).replace("$1", subject).replace("$2", "");
  }
  return question;
}
