import { contentStems, words } from "@/lib/grading/text-terms";
import { rareTerms, subjectPhrase } from "./point-terms";
import { pick, type PhraseSeed } from "./seeded-pick";
import type { InterviewStyle } from "./types";

/**
 * The interviewer's follow-up on a missed point. The missed point is the answer the person has
 * yet to give, so it is never quoted: the follow-up names what to talk about, not what to say.
 */

const LEADS: Record<InterviewStyle, string[]> = {
  friendly: ["Let's build on that a little.", "I'd like to dig a bit deeper there.", "Good, let's go one step further.", "One more thing on this."],
  neutral: ["A follow-up on that.", "One follow-up question.", "Let me follow up on that."],
  tough: ["That's not complete.", "You left something out.", "Not so fast.", "I need more than that."],
};

// Frames around what a point is about: they ask about it, never what is true of it, and read
// right for a singular, a plural or a list ("the learning rate", "dropout layers", "a and b").
const ABOUT_FRAMES: Record<InterviewStyle, string[]> = {
  friendly: ["What can you tell me about $1 in this context?", "Could you say a bit more about $1 here?", "What would you add about $1?"],
  neutral: ["What can you tell me about $1 here?", "What would you add about $1?", "Can you say more about $1?"],
  tough: ["What about $1?", "Explain the role of $1 here.", "You haven't covered $1. Go on."],
};
const OPEN_FRAMES: Record<InterviewStyle, string[]> = {
  friendly: ["Is there anything important you'd add to that answer?", "What else would you mention to round that answer off?"],
  neutral: ["What else would you add to that answer?", "Is there anything important missing from that answer?"],
  tough: ["What is missing from that answer?", "What did you leave out?"],
};

/** Overlapping five-word runs: a follow-up sharing one with the point quotes it. */
function runs(text: string, size = 5): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  for (let index = 0; index + size <= list.length; index++) out.add(list.slice(index, index + size).join(" "));
  return out;
}

/**
 * Whether a follow-up gives the point away: it quotes five words in a row from it, or carries most
 * of its content words (a grader, or an LLM, may write the answer into its question).
 */
export function revealsPoint(followUp: string, point: string): boolean {
  const pointRuns = runs(point);
  if ([...runs(followUp)].some((run) => pointRuns.has(run))) return true;
  const pointStems = new Set(contentStems(point));
  const shared = new Set(contentStems(followUp).filter((stem) => pointStems.has(stem)));
  return pointStems.size >= 4 && shared.size >= 0.6 * pointStems.size;
}

function withQuestionMark(text: string): string {
  const trimmed = text.trim().replace(/[.:;,\s]+$/, "");
  return /[?]$/.test(trimmed) ? trimmed : `${trimmed}?`;
}

/**
 * A follow-up turn probing `missedPoint` in the style: the grader's `followUp` question when given
 * (and when it does not give the point away), else a question about the point's subject or its
 * rarest terms, never its claim. Deterministic for a seed. Pure.
 */
export function phraseFollowUp({
  style,
  missedPoint,
  followUp,
  seed,
  question,
}: {
  style: InterviewStyle;
  missedPoint: string;
  followUp: string | null;
  seed: PhraseSeed;
  /** The question asked, so its own words are not offered back as the point's subject. */
  question?: string;
}): string {
  const lead = pick(LEADS[style], seed, "follow-up-lead");
  if (followUp && followUp.trim() && !revealsPoint(followUp, missedPoint)) return `${lead} ${withQuestionMark(followUp)}`;
  const questionStems = new Set(contentStems(question ?? ""));
  const subject = subjectPhrase(missedPoint);
  // A subject made only of the question's words ("Dropout" for "What is dropout?") points nowhere new.
  const useful = subject && contentStems(subject).some((stem) => !questionStems.has(stem)) ? subject : null;
  // Without a subject, the one most telling term: two loose words read as a riddle.
  const terms = useful ? [] : rareTerms({ point: missedPoint, exclude: question ? [question] : [], max: 1 });
  const topic = useful ?? (terms[0] ? `"${terms[0]}"` : null);
  if (!topic || revealsPoint(topic, missedPoint)) return `${lead} ${pick(OPEN_FRAMES[style], seed, "follow-up-open")}`;
  return `${lead} ${pick(ABOUT_FRAMES[style], seed, "follow-up-frame").replace("$1", topic)}`;
}
