import type { DocLine } from "@/lib/ingest/classify-lines";
import { cleanQuestion } from "@/lib/ingest/clean-text";
import { isQuestionLike } from "@/lib/ingest/question-like";

/**
 * Which numbered lines are questions. Answers hold numbered lists too (`1. An input layer`,
 * `1) Inputs come in…`), so a number alone proves nothing. A document's questions form one
 * rising sequence in the style it uses for questions (`**N.**`, `N.`, `N)`), mostly reading like
 * questions; answer lists restart at 1, read like statements, or use another style. The sequence
 * is found as the best-scoring rising chain of numbers through the dominant styles, then gaps in
 * it are filled from any style (`- **108.** Describe…` between 107 and 109).
 */

interface Candidate {
  index: number;
  value: number;
  style: string;
  questionLike: boolean;
}

// Scores: a question-like member is worth far more than a statement; consecutive numbers bind a
// chain, skipped numbers and style changes loosen it (a seed switches from `N.` to `N)` midway).
const QUESTION_WEIGHT = 3;
const STATEMENT_WEIGHT = 0.5;
const CONSECUTIVE_BONUS = 1;
const GAP_PENALTY = 0.75;
const STYLE_CHANGE_PENALTY = 1.5;
// How far back a chain looks for its previous member; bounds the work on huge documents.
const LOOKBACK = 400;

const LINK_ONLY = /^\s*\[[^\]]*\]\([^)]*\)\s*$|https?:\/\/\S+\s*$/;

function toCandidate(line: DocLine): Candidate | null {
  const numbering = line.numbering!;
  // A table of contents entry or a link list item is navigation, not a question.
  if (LINK_ONLY.test(numbering.rest.replace(/\*\*|__/g, ""))) return null;
  const text = cleanQuestion(numbering.rest);
  if (!/[\p{L}]/u.test(text)) return null;
  const style = `${line.indent >= 2 ? "nested " : ""}${line.bullet ? "bullet " : ""}${numbering.bold ? "bold " : ""}${numbering.delimiter}`;
  return { index: line.index, value: numbering.value, style, questionLike: isQuestionLike(text) };
}

/** Styles with a fair share of the question-like numbered lines (a quarter of the leader's). */
function dominantStyles(candidates: Candidate[]): Set<string> {
  const counts = new Map<string, number>();
  for (const candidate of candidates) if (candidate.questionLike) counts.set(candidate.style, (counts.get(candidate.style) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([, count]) => count >= Math.max(1, most / 4)).map(([style]) => style));
}

function weight(candidate: Candidate): number {
  return candidate.questionLike ? QUESTION_WEIGHT : STATEMENT_WEIGHT;
}

function transition(from: Candidate, to: Candidate): number {
  const gap = to.value - from.value - 1;
  const score = gap === 0 ? CONSECUTIVE_BONUS : -GAP_PENALTY * Math.min(gap, 4);
  return from.style === to.style ? score : score - STYLE_CHANGE_PENALTY;
}

/** The highest-scoring chain of candidates whose numbers rise with their lines. */
function bestChain(candidates: Candidate[]): Candidate[] {
  const score = candidates.map(weight);
  const previous = candidates.map(() => -1);
  for (let to = 0; to < candidates.length; to++) {
    for (let from = Math.max(0, to - LOOKBACK); from < to; from++) {
      if (candidates[from]!.value >= candidates[to]!.value) continue;
      const total = score[from]! + weight(candidates[to]!) + transition(candidates[from]!, candidates[to]!);
      if (total > score[to]!) {
        score[to] = total;
        previous[to] = from;
      }
    }
  }
  let best = candidates.length ? score.reduce((top, value, index) => (value > score[top]! ? index : top), 0) : -1;
  const chain: Candidate[] = [];
  for (; best >= 0; best = previous[best]!) chain.unshift(candidates[best]!);
  return chain;
}

/** Question-like lines of any style whose numbers fall in a gap of the chain, in order. */
function fillGaps(chain: Candidate[], all: Candidate[]): Candidate[] {
  const filled: Candidate[] = [];
  // Both lists are in line order, so one pointer walks `all` once.
  let pointer = 0;
  chain.forEach((member, position) => {
    filled.push(member);
    const next = chain[position + 1];
    while (pointer < all.length && all[pointer]!.index <= member.index) pointer++;
    if (!next || next.value - member.value < 2) return;
    let last = member;
    for (; pointer < all.length && all[pointer]!.index < next.index; pointer++) {
      const candidate = all[pointer]!;
      if (!candidate.questionLike || candidate.value <= last.value || candidate.value >= next.value) continue;
      filled.push(candidate);
      last = candidate;
    }
  });
  return filled;
}

/**
 * Line indices of numbered questions. `eligible` rules out lines that cannot be questions here
 * (inside a heading question's answer, in a link section); `groupOf` names the section a line is
 * in, since numbering may restart in each section.
 */
export function findNumberedQuestions(lines: DocLine[], eligible: (line: DocLine) => boolean, groupOf: (line: DocLine) => number): number[] {
  const candidates = lines
    .filter((line) => line.kind === "text" && line.numbering && eligible(line))
    .map(toCandidate)
    .filter((candidate): candidate is Candidate => candidate !== null);
  const dominant = dominantStyles(candidates);
  const groups = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const group = groupOf(lines[candidate.index]!);
    const members = groups.get(group) ?? [];
    members.push(candidate);
    groups.set(group, members);
  }
  const found: number[] = [];
  for (const members of groups.values()) {
    const chain = fillGaps(bestChain(members.filter((candidate) => dominant.has(candidate.style))), members);
    const questionLike = chain.filter((candidate) => candidate.questionLike).length;
    if (chain.length && questionLike * 2 >= chain.length) for (const candidate of chain) found.push(candidate.index);
  }
  return found;
}
