import { isFillerWord } from "@/lib/retrieval/spoken-query";
import type { DeliveryNotes } from "./types";

/**
 * How an answer was delivered: its length, its pace when spoken, and its filler words with where
 * they stand, so the transcript can highlight them. Fillers are found in context: "like" in "looks
 * like" or "I would like" compares or wants, and "kind of" after "what" or "a" is a noun phrase.
 */

// Length for a spoken interview answer. Under 25 words (about ten seconds of speech) is too little
// to define an idea and say why it matters; interview coaches put a single technical answer at one
// to two minutes, which at a comfortable 120-160 words per minute is 150-300 words, so more than
// 250 starts to ramble. Typed answers are judged the same: the interview is practice for speaking.
// Fillers are not counted toward length: "um, um, um" is not a longer answer.
const TOO_SHORT_BELOW = 25;
const TOO_LONG_ABOVE = 250;
// A comfortable speaking pace; below it sounds hesitant, above it hard to follow.
const PACE_MIN = 120;
const PACE_MAX = 160;
// Pace over a few words or seconds says nothing.
const PACE_MIN_WORDS = 15;
const PACE_MIN_SECONDS = 5;
// More fillers than this share of words (or this many) is worth a remark.
const FILLER_SHARE = 0.05;
const FILLER_REMARK_COUNT = 4;

interface Span {
  start: number;
  end: number;
  word: string;
}

const HEDGE_DETERMINERS = "what|which|a|an|the|this|that|these|those|any|some|each|every|no|one|other|another|same|different|certain|particular|specific|all|many|several|new|best|right|wrong|my|your|its|their|our|his|her";
const HESITATION_WORD = "(?:u+h*m+|u+h+|e+r+m*|h+m+)";
// Phrases, each found with a pattern over the whole text; the filler is the named group.
const PHRASES: { word: string; pattern: RegExp }[] = [
  { word: "you know", pattern: /(?<!\b(?:do|does|did|would|could|can|will|should|to|how|if|whether|don't|didn't|let|may|might|must|what|when|as)\s+)\b(?<f>you know)\b(?=\s*(?:[,.!?;]|$|and\b|so\b|like\b|um\b|uh\b))/gi },
  { word: "you know", pattern: /(?<=(?:^|[,.!?;])\s*)\b(?<f>you know)\b(?=\s*,)/gi },
  { word: "I mean", pattern: new RegExp(`(?<=(?:^|[,.!?;])\\s*|\\b(?:and|but|so|like|${HESITATION_WORD})[\\s,]+)\\b(?<f>i mean)\\b`, "gi") },
  { word: "sort of", pattern: new RegExp(`(?<!\\b(?:${HEDGE_DETERMINERS})\\s+)\\b(?<f>sort of|sorta)\\b`, "gi") },
  { word: "kind of", pattern: new RegExp(`(?<!\\b(?:${HEDGE_DETERMINERS})\\s+)\\b(?<f>kind of|kinda)\\b`, "gi") },
  { word: "so yeah", pattern: /\b(?<f>so yeah)\b/gi },
  // "like" only where it cannot compare, list or want: before a comma with no object (a comparison
  // has one: "layers like these"), next to a hesitation, or before an intensifier ("it like really helps").
  { word: "like", pattern: /(?<=(?:^|[,.!?;])\s*)\b(?<f>like)\b(?=\s*[,.!?;])/gi },
  { word: "like", pattern: /(?<!\b(?:would|'d|i|you|we|they|really|don't|didn't|not|also)\s+)\b(?<f>like)\b(?=\s*,)/gi },
  { word: "like", pattern: new RegExp(`(?<=\\b${HESITATION_WORD}\\b[\\s,]*)\\b(?<f>like)\\b(?!\\s+(?:a|an)\\b)`, "gi") },
  { word: "like", pattern: new RegExp(`\\b(?<f>like)\\b(?=[\\s,]+${HESITATION_WORD}\\b)`, "gi") },
  { word: "like", pattern: /(?<!\b(?:would|'d|looks?|looked|sounds?|sounded|seems?|feels?|something|anything|nothing|things?|more|much|just|exactly|not|don't|doesn't|didn't|is|are|was|were|be)\s+)\b(?<f>like)\b(?=\s+(?:really|totally|literally|basically|actually|super|so)\b)/gi },
];

/** The filler words and phrases of a text with their character spans, in order, never overlapping. */
function findFillers(text: string): Span[] {
  const found: Span[] = [];
  const shouting = !/\p{Ll}/u.test(text);
  for (const match of text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const word = match[0];
    // "ER" and "HMM" in capitals are acronyms unless the whole text is in capitals.
    if (!shouting && word.length > 1 && word === word.toUpperCase()) continue;
    if (/^mm$/i.test(word) && /\d\s*$/.test(text.slice(0, match.index))) continue;
    if (isFillerWord(word)) found.push({ start: match.index, end: match.index + word.length, word: canonical(word) });
  }
  for (const { word, pattern } of PHRASES) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index + match[0].indexOf(match.groups!.f!);
      found.push({ start, end: start + match.groups!.f!.length, word });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of found) if (!kept.length || span.start >= kept.at(-1)!.end) kept.push(span);
  return kept;
}

/** One spelling per hesitation: "ummm" counts as "um", "uhh" as "uh". */
function canonical(word: string): string {
  const lower = word.toLowerCase();
  if (/^u+h*m+$/.test(lower)) return "um";
  if (/^u+h+$/.test(lower)) return "uh";
  if (/^e+r+m+$/.test(lower)) return "erm";
  if (/^e+r+$/.test(lower)) return "er";
  if (/^h+m+$/.test(lower)) return "hmm";
  return lower;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

function paceRemark(wordsPerMinute: number): string {
  if (wordsPerMinute < PACE_MIN) return `your pace was slow at ${wordsPerMinute} words per minute (about ${PACE_MIN}-${PACE_MAX} is comfortable)`;
  if (wordsPerMinute > PACE_MAX) return `you spoke fast at ${wordsPerMinute} words per minute (about ${PACE_MIN}-${PACE_MAX} is easier to follow)`;
  return `your pace of ${wordsPerMinute} words per minute was comfortable`;
}

/**
 * Delivery notes for an answer: word count, speaking time and words per minute when spoken with a
 * duration, filler words and phrases counted with their spans in `text`, a length verdict
 * (too-short under 25 content words, too-long over 250) and one sentence of advice on length,
 * pace and fillers. Pure.
 */
export function analyzeDelivery({ text, spoken, durationMs }: { text: string; spoken: boolean; durationMs?: number | null }): DeliveryNotes {
  const words = countWords(text);
  const spans = findFillers(text);
  const fillerWords = spans.reduce((sum, span) => sum + countWords(span.word), 0);
  const content = Math.max(0, words - fillerWords);
  const durationSeconds = spoken && durationMs != null && Number.isFinite(durationMs) && durationMs > 0 ? Math.round(durationMs / 100) / 10 : null;
  const wordsPerMinute = durationSeconds !== null && durationSeconds >= 1 && words > 0 ? Math.round((words * 60) / durationSeconds) : null;
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.word, (counts.get(span.word) ?? 0) + 1);
  const fillers = [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  const length = content < TOO_SHORT_BELOW ? "too-short" : content > TOO_LONG_ABOVE ? "too-long" : "good";

  // One sentence: the verdict on length, then pace and fillers as clauses after semicolons.
  const remarks: string[] = [];
  if (words === 0) remarks.push("No answer was given, so there is nothing to say about delivery yet");
  else if (length === "too-short") remarks.push(`Very brief at ${content} words: aim for a few sentences that define the idea, say why it matters and give an example`);
  else if (length === "too-long") remarks.push(`Long at ${content} words: aim for one to two minutes and lead with the key point`);
  else remarks.push(`Good length at ${content} words`);
  if (wordsPerMinute !== null && words >= PACE_MIN_WORDS && durationSeconds! >= PACE_MIN_SECONDS) remarks.push(paceRemark(wordsPerMinute));
  if (spans.length >= FILLER_REMARK_COUNT || (words > 0 && spans.length / words > FILLER_SHARE && spans.length >= 2)) {
    const top = fillers.slice(0, 2).map((filler) => `"${filler.word}"`).join(" and ");
    remarks.push(`cut the filler words (${spans.length} here, mostly ${top})`);
  }
  const advice = `${remarks.length > 1 ? `${remarks.slice(0, -1).join("; ")}; and ${remarks.at(-1)}` : remarks[0]}.`;
  return {
    words,
    spoken,
    durationSeconds,
    wordsPerMinute,
    fillerCount: spans.length,
    fillers,
    fillerSpans: spans.map(({ start, end }) => ({ start, end })),
    length,
    advice,
  };
}
