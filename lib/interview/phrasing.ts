import { cleanQuestionText } from "./clean-question-text";
import { rewordQuestion } from "./reword-question";
import { chance, pick, type PhraseSeed } from "./seeded-pick";
import type { InterviewStyle } from "./types";

/**
 * The template interviewer: what the interviewer says when no LLM phrases it. Each turn is built
 * from short, style-specific wordings chosen by a seed, around the question cleaned of the
 * document's numbering and markup, so it reads like a person and never like the raw document.
 */

export { cleanQuestionText } from "./clean-question-text";
export { phraseFollowUp } from "./phrase-follow-up";
export type { PhraseSeed } from "./seeded-pick";

type Band = "strong" | "good" | "partial" | "weak";

/** The score band an acknowledgement speaks to (scores are 0 to 5). */
function band(score: number): Band {
  if (score >= 4) return "strong";
  if (score >= 3) return "good";
  if (score >= 1.5) return "partial";
  return "weak";
}

const ACKNOWLEDGE: Record<InterviewStyle, Record<Band | "skipped", string[]>> = {
  friendly: {
    strong: ["That was a great answer.", "Excellent, you nailed the key points.", "Really nice answer, thank you.", "Great, that was clear and complete."],
    good: ["Good answer, thanks.", "Nice, you covered most of it.", "Thanks, that was solid."],
    partial: ["Thanks, that's a good start.", "Okay, you had part of it there.", "Thanks for walking me through that."],
    weak: ["No worries, that one is tricky.", "That's alright, it's a tough one.", "Thanks for giving it a go."],
    skipped: ["No problem.", "That's fine, let's keep going."],
  },
  neutral: {
    strong: ["Thank you, that was thorough.", "Good, that covered it.", "Thank you. That was complete."],
    good: ["Thank you.", "Okay, thank you.", "Noted, thanks."],
    partial: ["Okay.", "Thank you, noted.", "Alright."],
    weak: ["Okay, noted.", "Alright.", "Understood."],
    skipped: ["Okay.", "Alright."],
  },
  tough: {
    strong: ["Good.", "Correct.", "That's solid."],
    good: ["Fine.", "Acceptable.", "Mostly there."],
    partial: ["That was incomplete.", "Not enough detail.", "Too thin."],
    weak: ["That missed the mark.", "Not what I was looking for.", "That didn't answer it."],
    skipped: ["Noted.", "Fine."],
  },
};

const TRANSITIONS: Record<InterviewStyle, Record<"first" | "middle" | "last", string[]>> = {
  friendly: {
    first: ["Let's start with this one.", "Here's the first one.", "To warm up:"],
    middle: ["Let's move on.", "Here's the next one.", "Next up:", "On to the next one."],
    last: ["Here's the last one.", "Last question, you're almost done.", "One more to finish:"],
  },
  neutral: {
    first: ["First question.", "To start:"],
    middle: ["Next question.", "Moving on.", "The next question:"],
    last: ["Last question.", "The final question:"],
  },
  tough: {
    first: ["First question.", "To start:"],
    middle: ["Next.", "Moving on.", "Next question."],
    last: ["Final question.", "Last one."],
  },
};

const TOUGH_DEMANDS = ["Be precise.", "Be specific.", "Keep it tight.", "I want specifics."];

function numberWord(count: number): string {
  const names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
  return names[count] ?? String(count);
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function listTopics(topics: readonly string[]): string {
  const names = topics.map((topic) => topic.trim()).filter(Boolean);
  if (names.length === 0) return "a mix of topics";
  if (names.length > 4) return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more topics`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The greeting: hello, how many questions on which topics, and what the person can do (ask for a
 * hint, a clarification, a repeat, or skip), in the style's voice. Pure.
 */
export function phraseOpening({ style, questionCount, topics, seed }: { style: InterviewStyle; questionCount: number; topics: readonly string[]; seed: PhraseSeed }): string {
  const count = `${numberWord(questionCount)} question${questionCount === 1 ? "" : "s"}`;
  const on = listTopics(topics);
  if (style === "friendly") {
    const hello = pick(["Hi, and welcome!", "Hello, and thanks for joining me today!", "Hi there, great to have you!"], seed, "open-hello");
    return `${hello} I'll ask you ${count} on ${on}. Take your time and answer in your own words; if you get stuck, you can ask for a hint, ask me to clarify or repeat a question, or skip it. ${pick(["Ready? Let's begin.", "Whenever you're ready, let's get started."], seed, "open-go")}`;
  }
  if (style === "neutral") {
    const hello = pick(["Hello.", "Hello, and welcome."], seed, "open-hello");
    return `${hello} This interview has ${count} on ${on}. Answer in your own words. You can ask me to repeat or clarify a question, ask for a hint, or skip. Let's begin.`;
  }
  const hello = pick(["Let's get started.", "Let's not waste time."], seed, "open-hello");
  return `${hello} ${count.charAt(0).toUpperCase()}${count.slice(1)} on ${on}. I expect precise, complete answers. Hints and skips are available, but use them sparingly.`;
}

/**
 * One question turn: an acknowledgement of the previous answer by its score band (none before the
 * first question), a transition, then the question, cleaned and sometimes reworded in a safe
 * pattern. `previousScore` null after the first question means the last one was skipped. Pure.
 */
export function phraseQuestion({
  style,
  question,
  index,
  total,
  previousScore,
  seed,
}: {
  style: InterviewStyle;
  question: string;
  index: number;
  total: number;
  previousScore: number | null;
  seed: PhraseSeed;
}): string {
  const parts: string[] = [];
  if (index > 0) parts.push(pick(ACKNOWLEDGE[style][previousScore === null ? "skipped" : band(previousScore)], seed, "ack"));
  const position = index === 0 ? "first" : index >= total - 1 ? "last" : "middle";
  parts.push(pick(TRANSITIONS[style][position], seed, "transition"));
  let asked = rewordQuestion(cleanQuestionText(question) || question.trim(), style, seed);
  // After "To warm up:" the question continues the sentence.
  if (/:$/.test(parts.at(-1)!)) asked = asked.replace(/^\p{Lu}(?=\p{Ll})/u, (letter) => letter.toLowerCase());
  parts.push(asked);
  if (style === "tough" && !/precise|specific/i.test(asked) && chance(0.4, seed, "demand")) parts.push(pick(TOUGH_DEMANDS, seed, "demand-word"));
  return parts.join(" ");
}

/** The closing turn: thanks, how many answers and their average, and a word on it. Pure. */
export function phraseClosing({ style, answered, average }: { style: InterviewStyle; answered: number; average: number | null }): string {
  if (answered === 0 || average === null) {
    if (style === "tough") return "That's the end of the session. No answers to assess this time; come back ready to answer.";
    return style === "friendly"
      ? "That's all for this session. We didn't get to any answers this time, and that's fine: come back whenever you're ready."
      : "That's the end of the session. No answers were given this time.";
  }
  const figures = `${numberWord(answered)} answer${answered === 1 ? "" : "s"}, averaging ${average.toFixed(1)} out of 5`;
  const level = band(average);
  const verdicts: Record<InterviewStyle, Record<Band, string>> = {
    friendly: {
      strong: "Great work, you clearly know this material.",
      good: "Nicely done; a little more detail will take you the rest of the way.",
      partial: "A solid start; the summary shows which topics to review.",
      weak: "Don't be discouraged: the summary shows exactly what to review, and it gets easier with practice.",
    },
    neutral: {
      strong: "A strong result.",
      good: "A good result overall.",
      partial: "Some areas need review; see the summary.",
      weak: "Several areas need review; see the summary.",
    },
    tough: {
      strong: "Solid performance.",
      good: "Decent, but not interview-ready everywhere.",
      partial: "Not good enough yet. Review the gaps.",
      weak: "You're not ready. Study the summary and come back.",
    },
  };
  const thanks = style === "friendly" ? "That's the end of the interview, thank you!" : style === "neutral" ? "That concludes the interview. Thank you." : "That's it.";
  return `${thanks} You gave ${figures}. ${verdicts[style][level]}`;
}

/** The question again, when the person asks for it: a short lead and the cleaned question. Pure. */
export function phraseRepeat({ style, question, seed }: { style: InterviewStyle; question: string; seed: PhraseSeed }): string {
  const leads: Record<InterviewStyle, string[]> = {
    friendly: ["Of course! Here it is again:", "Sure, no problem. The question was:"],
    neutral: ["Sure. The question was:", "Here is the question again:"],
    tough: ["Once more:", "The question:"],
  };
  const asked = cleanQuestionText(question) || question.trim();
  return `${pick(leads[style], seed, "repeat")} ${asked}`;
}

/** The acknowledgement of a skipped question, before the next one is asked. Pure. */
export function phraseSkip({ style, seed }: { style: InterviewStyle; seed: PhraseSeed }): string {
  const lines: Record<InterviewStyle, string[]> = {
    friendly: ["No problem, let's skip that one.", "Sure, we can come back to it another time.", "That's fine, let's move on."],
    neutral: ["Okay, skipping that one.", "Alright, we'll move on."],
    tough: ["Skipped. That counts as unanswered.", "Fine. Moving on."],
  };
  return pick(lines[style], seed, "skip");
}
