import type { GradeFlag } from "@/lib/grading/grade-result";
import { contentStems } from "@/lib/grading/text-terms";
import { plainPoint, rareTerms } from "./point-terms";
import type { GradeView } from "./types";

/**
 * Answers "why didn't that count?" from the grade itself: the rubric's points, the words of the
 * answer that earned each, what was missing and any flag, in plain words. Written from the grade,
 * so it says exactly what the grader saw; the answer's words appear only quoted and escaped.
 */

const FLAG_WORDS: Record<GradeFlag, string> = {
  manipulation: "Part of your answer spoke to the grader (instructions or requests about the score) instead of the question; that part was ignored and only the content counted.",
  "no-answer": "There was no answer to grade, so nothing could earn points.",
  gibberish: "The answer didn't read as meaningful text, so it couldn't be graded on content.",
  "copied-question": "The answer mostly repeated the question's own words, which earns nothing on its own.",
  "keyword-list": "The answer listed terms without explaining how they connect; naming a term is not the same as making the point.",
  "word-salad": "The answer strung the reference's words together without making clear statements, so they earned little.",
  "off-topic": "The answer talked about something other than what was asked.",
  "other-question": "The answer reads like the answer to a different question from your notes, not to this one.",
  "wrong-statement": "Part of the answer stated the opposite of the reference, which cost points.",
  "no-reference": "Your documents have no reference answer for this question, so the grade is only a rough estimate.",
};

// Words of the complaint, not of the subject: "why didn't my point about X count?".
const META_STEMS = new Set(
  contentStems(
    "why didn't count counted score scored points point lose lost miss missed grade graded mark marks answer answered " +
      "said say mention mentioned talk talked explain explained higher better wrong part bit get got credit only thing",
  ),
);

/** The answer's words inside Markdown: no emphasis, links, code or HTML can come of them. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]{}<>#|~]/g, (char) => `\\${char}`);
}

function short(text: string, maxWords = 25): string {
  const words = plainPoint(text).split(/\s+/);
  return words.length > maxWords ? `${words.slice(0, maxWords).join(" ")}…` : words.join(" ");
}

function sharedStems(message: Set<string>, text: string): number {
  return new Set(contentStems(text).filter((stem) => message.has(stem))).size;
}

function flagLines(flags: readonly GradeFlag[]): string[] {
  return flags.map((flag) => FLAG_WORDS[flag]).filter(Boolean);
}

/**
 * A Markdown explanation of a grade for the person's question about it. When the message names a
 * point of the rubric (shares its content words), it answers for that point: missing, with the key
 * terms that would have earned it, or counted, with the words that earned it. Otherwise it lists
 * what earned points (quoting the answer) and what was missing. Flags are said in plain words. Pure.
 */
export function explainGrade({ message, grade }: { message: string; grade: GradeView }): string {
  // One-letter stems are the tails of contractions ("didn't", "what's"), not words.
  const asked = new Set(contentStems(message).filter((stem) => stem.length > 1 && !META_STEMS.has(stem)));
  const questionStems = new Set(contentStems(grade.question));
  // A message naming only the question's own words ("why didn't my dropout answer count?") names no point.
  const telling = new Set([...asked].filter((stem) => !questionStems.has(stem)));
  const lines: string[] = [`**Score: ${grade.score} / 5.**`];

  const best = (texts: string[]) =>
    texts
      .map((text, index) => ({ index, shared: sharedStems(telling, text) }))
      .filter((entry) => entry.shared > 0)
      .sort((a, b) => b.shared - a.shared || a.index - b.index)[0];
  const namedMissed = telling.size ? best(grade.missed) : undefined;
  const namedCovered = telling.size ? best(grade.covered.map((point) => point.point)) : undefined;

  if (namedMissed && (!namedCovered || namedMissed.shared >= namedCovered.shared)) {
    const point = grade.missed[namedMissed.index]!;
    const others = [...grade.missed.filter((_, index) => index !== namedMissed.index), ...grade.covered.map((covered) => covered.point)];
    const terms = rareTerms({ point, others, exclude: [grade.question], max: 3 });
    lines.push(`That point did not count because the answer did not make it. The reference says: _${escapeMarkdown(short(point))}_`);
    if (terms.length) lines.push(`Saying what ${terms.map((term) => `**${escapeMarkdown(term)}**`).join(", ")} ${terms.length > 1 ? "have" : "has"} to do with it, in your own words, would have earned it.`);
  } else if (namedCovered) {
    const covered = grade.covered[namedCovered.index]!;
    const partly = covered.coverage < 0.5 ? " only in part" : "";
    lines.push(`That point did count${partly}: you said “${escapeMarkdown(covered.evidence)}”, which covers _${escapeMarkdown(short(covered.point))}_.`);
    if (grade.missed.length) lines.push(`The score went down for what was missing: ${grade.missed.slice(0, 3).map((point) => `_${escapeMarkdown(short(point, 15))}_`).join("; ")}.`);
  } else {
    if (grade.covered.length) {
      lines.push("What earned points:");
      lines.push(grade.covered.map((point) => `- ${escapeMarkdown(short(point.point, 20).replace(/[.;:]$/, ""))}: you said “${escapeMarkdown(point.evidence)}”${point.coverage < 0.5 ? " (in part)" : ""}`).join("\n"));
    } else {
      lines.push("Nothing in the answer matched a key point of the reference.");
    }
    if (grade.missed.length) {
      lines.push("What was missing:");
      lines.push(grade.missed.map((point) => `- ${escapeMarkdown(short(point, 20))}`).join("\n"));
    }
  }

  lines.push(...flagLines(grade.flags));
  if (grade.isFollowUp) lines.push("This was the follow-up, graded only against the points it asked about.");
  if (grade.referenceMarkdown) lines.push("The full reference answer is shown with the feedback.");
  return lines.join("\n\n");
}
