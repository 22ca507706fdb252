import { isFillerWord } from "@/lib/retrieval/spoken-query";
import type { MessageIntent } from "./types";

/**
 * What a person's message is: an answer, or a request to the interviewer (a hint, a skip, the
 * question again, a clarification, an explanation of the last grade). Answers are the default and
 * requests must look like requests through and through: every clause of a hint, skip or repeat
 * request is made of request words, so an answer that mentions "hint" or asks a rhetorical question
 * stays an answer. A clarifying question must be short and open like one ("what do you mean by").
 */

// Clauses that carry nothing but hesitation or politeness, kept alongside a request: "sorry,",
// "hmm, I'm not sure, can I get a hint?". Alone, they are an answer ("I don't know").
const SOFT = /^(?:sorry|ok(?:ay)?|alright|all right|hmm+|well|yeah|yes|so|right|like|wait|hold on|thanks|thank you|please|honestly|oh|oops|uh oh|hm|i (?:really )?(?:do not|don't|dont) know(?: (?:this|that)(?: one)?)?|(?:i have )?no idea(?: (?:about this|here|on this))?|i(?:'m| am) not (?:really )?sure(?: where to start| how to start| what to say)?|not sure|i (?:can't|cannot|don't) remember|i forgot|let me think|i(?:'m| am) (?:a bit |kind of |totally |completely )?(?:stuck|lost|blanking)|i(?:'ve| have) got nothing)$/;
const STUCK = /\b(?:stuck|lost|blanking)\b/;

const HINT_NOUN = /\b(?:hint|hints|clue|clues|nudge|pointer|pointers|tip|tips|help)\b/;
const HINT_WORDS = words(
  "can could may might would will i i'd i'm we me us you get have had give giving getting provide offer need needs want like please some any " +
    "a an another one more little small tiny quick bit of just maybe perhaps is there do got mind with on for this that it the question here " +
    "again repeat another else other maybe really kind ok okay out " +
    "hint hints clue clues nudge pointer pointers tip tips help",
);

const SKIP_VERB = /\b(?:skip|skipping|pass|next|move on|moving on|go on)\b/;
const SKIP_WORDS = words(
  "can could may would will shall i i'll i'd we let's lets let us just please this that it one question the to go on onto move moving " +
    "skip skipping pass next rather maybe ok okay and for now a another different new ask me you",
);
// "I don't want to answer this", "I'd rather not answer that one".
const DECLINE = /^(?:i )?(?:(?:do not|don't|dont) (?:want to|wanna|wish to)|(?:i would|i'd|would|'d) (?:rather|prefer) not(?: to)?|rather not|prefer not to|won't|will not|am not going to|i'm not going to) (?:answer|do) (?:this|that|it)(?: one| question)?$/;

const REPEAT_CUE = /\b(?:repeat|again|pardon|restate|rephrase|reread|re-read|come again|one more time|once more)\b|^what(?: was| is|'s) (?:the|that) question$|\b(?:didn't|did not|couldn't|could not) (?:catch|hear|get) (?:that|it|the question|what you said)\b|\bmissed (?:that|the question)\b|^(?:what|huh|sorry|excuse me)$/;
const REPEAT_WORDS = words(
  "can could would will you please say that it the question again repeat one more time read ask once sorry i didn't did not couldn't could " +
    "catch hear get what was is what's come pardon me rephrase restate reread re-read missed excuse huh just last your explain ask",
);

// Questions about the grade just given. Only when there is one: before it, "what did I miss" is
// nothing the interviewer can answer.
const FEEDBACK = [
  /^(?:why|how come) (?:did|didn't|does|doesn't|do|don't|is|isn't|was|wasn't|are|aren't|have|haven't|am|only|not|no|so|the|my|that|this)\b.*\b(?:count|counted|score|scored|scoring|points?|marks?|grade|graded|grading|lose|lost|penali[sz]ed|deducted|zero|low|only|wrong|incorrect|credit)\b/,
  /^(?:why|how come) (?:did|didn't|do|don't|is|was|only|just)\b.*\b\d(?:\.\d)?(?:\s*(?:\/|out of)\s*5)?\b/,
  /^what (?:did|do|have) i (?:miss|missed|get wrong|got wrong|leave out|left out|forget|forgot)\b/,
  /^(?:which|what) (?:points?|parts?|bits?|key points?) (?:did|do|have) i (?:miss|missed|get|leave|forget)\b/,
  /^how (?:could|can|would|should|do|might) i (?:have )?(?:scored?|gotten|got|get|done|do|earned?|improved?|answered|make)\b.*\b(?:higher|better|more|full|improve|5|perfect|stronger)\b/,
  /^how (?:could|can|do|might) i (?:improve|do better)\b/,
  /^what (?:should|would|could) i have (?:said|added|mentioned|covered|included|done)\b/,
  /^what(?: was| is|'s) (?:wrong|missing|incorrect) (?:with|in|from|about) (?:my|that|the|this) answer\b/,
  /^what(?: was| is|'s| would be) (?:the|a)(?: (?:right|correct|full|complete|model|ideal|reference|perfect|expected))? answer\b/,
  /^(?:can|could) you (?:explain|justify) (?:my|the|that|this) (?:score|grade|mark)\b/,
  /^(?:explain|justify) (?:my|the|that|this) (?:score|grade|mark)\b/,
  /^(?:didn't|did not|doesn't|does not) (?:that|it|my answer) count\b/,
  /^(?:but )?i (?:did|already) (?:mention|say|said|cover|explain)\b.*\?$/,
];

// Openers of a question that asks what something means or what the question wants.
const CLARIFY = [
  /^what (?:do|does|did) (?:you|u) mean\b/,
  /^what(?: is|'s| are| was) (?:meant|implied) by\b/,
  /^what does .{1,60} (?:mean|stand for|refer to)\b/,
  /^(?:do|did) you mean\b/,
  /^you mean\b/,
  /^(?:are|were) you (?:asking|referring|talking)\b/,
  /^(?:is|does) (?:the|this|that|your) question (?:about|asking|mean|refer|include|cover)\b/,
  /^(?:should|do|must|can|shall) i (?:talk|focus|answer|explain|cover|assume|describe|consider|discuss|mention|include|limit|give|use|compare)\b/,
  /^(?:can|could|would) you (?:please )?(?:explain|clarify|define|elaborate|be more specific|say more|give (?:me )?an example|tell me what|help me understand)\b/,
  /^help me understand\b/,
  /^(?:how|what) (?:do|would) you define\b/,
  /^(?:define|clarify)\b/,
  /^(?:which|what) (?:one|kind|type|sort|version|context|part|aspect|case)\b.*\b(?:mean|asking|want|talking|referring|should)\b/,
  /^(?:in what|in which|which) (?:context|sense|case|setting)\b/,
  /^(?:what|how) (?:exactly )?(?:are you|is the question|does the question) (?:asking|looking|after|want)\b/,
  /^(?:is|are) (?:that|this|it) (?:about|related to|referring to|in the context of)\b/,
  /^(?:is it|would it be) (?:ok|okay|fine|alright|all right|acceptable) (?:if|to)\b/,
  /^(?:can|may|could) i (?:use|give|assume|draw|write|answer|talk|focus)\b/,
];
// Asking for the answer itself: after feedback, about the grade; before it, a hint is the most it gets.
const ASK_ANSWER = /^(?:what(?: is|'s) the answer|(?:can|could|would) you (?:just |please )*(?:tell|give|show) me the answer|(?:just )?(?:tell|give|show) me the answer|just tell me)$/;
// A short "what is an epoch?": a definition, not a sentence with a second verb ("what happens is").
const DEFINITION = /^what(?:'s| is| are| was| were)(?: an?| the)? ([\p{L}\p{N}][\p{L}\p{N}' -]{0,40})$/u;
const VERB_INSIDE = /\b(?:is|are|was|were|does|do|did|has|have|happens|means|gets|goes|makes)\b/;

/** At most this many words for a request or a clarifying question; answers run longer. */
const MAX_REQUEST_WORDS = 20;
const MAX_FEEDBACK_WORDS = 60;

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/));
}

/** Lower case, curly quotes straightened, hesitations ("um", "uhh") and their commas dropped. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\p{L}'-]+/gu, (word) => (isFillerWord(word) ? "," : word))
    .replace(/\s+/g, " ")
    .trim();
}

/** Clauses: split at punctuation and at "and"/"but"/"so"/"then" between them. */
function clauses(text: string): string[] {
  return text
    .split(/[,.;:!?()"]+|\s+-+\s+|\s+(?:and|but|so|then|or)\s+/)
    .map((clause) => clause.trim().replace(/^(?:and|but|so|then|ok(?:ay)?|well|just|please)\s+/, "").trim())
    .filter(Boolean);
}

function wordsOf(clause: string): string[] {
  return clause.split(/\s+/).map((word) => word.replace(/^'+|'+$/g, ""));
}

function madeOf(clause: string, allowed: Set<string>): boolean {
  return wordsOf(clause).every((word) => allowed.has(word));
}

type Request = "hint" | "skip" | "repeat";

/** What one clause asks for, "soft" for politeness or hesitation, or null for anything else. */
function clauseRequest(clause: string): Request | "soft" | null {
  if (SOFT.test(clause)) return "soft";
  if (HINT_NOUN.test(clause) && madeOf(clause, HINT_WORDS)) return "hint";
  if (DECLINE.test(clause)) return "skip";
  if (SKIP_VERB.test(clause) && madeOf(clause, SKIP_WORDS)) return "skip";
  if (REPEAT_CUE.test(clause) && madeOf(clause, REPEAT_WORDS)) return "repeat";
  return null;
}

/** The request a whole message makes: every clause a request or soft, the first request wins. */
function messageRequest(text: string): Request | null {
  const parts = clauses(text);
  if (parts.length === 0) return null;
  const kinds = parts.map(clauseRequest);
  if (kinds.some((kind) => kind === null)) return null;
  const request = kinds.find((kind): kind is Request => kind !== "soft");
  if (request) return request;
  // Only soft clauses: "I'm stuck" asks for help; "I don't know" is an answer.
  return parts.some((part) => STUCK.test(part)) ? "hint" : null;
}

/** The sentence a clarifying question stands in, softeners in front dropped ("sorry, what is..."). */
function questionSentence(text: string): string | null {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
  const asked = sentences.filter((sentence) => !SOFT.test(sentence.replace(/[.!?,\s]+$/, "")));
  if (asked.length !== 1) return null;
  const parts = asked[0]!.split(/,\s*/).filter((part) => part.trim());
  while (parts.length > 1 && SOFT.test(parts[0]!.trim())) parts.shift();
  return parts.join(", ").replace(/^(?:so|and|but|well|ok(?:ay)?|um|hmm)\s+/, "").trim();
}

function isClarification(sentence: string): boolean {
  const bare = sentence.replace(/[?.!\s]+$/, "");
  if (CLARIFY.some((pattern) => pattern.test(bare))) return true;
  const definition = bare.match(DEFINITION);
  return definition !== null && !VERB_INSIDE.test(definition[1]!) && definition[1]!.split(/\s+/).length <= 5;
}

/**
 * The intent of a message. Requests (hint, skip, repeat) must be requests in every clause;
 * questions about the grade count only when there is feedback; a clarifying question is short and
 * opens like one ("what do you mean by...", "do you mean...", "what is an epoch?"). When no answer
 * is awaited, any short question is a clarification. Everything else, "I don't know" included, is
 * an answer. Pure.
 */
export function classifyMessage({ text, awaitingAnswer, hasFeedback }: { text: string; awaitingAnswer: boolean; hasFeedback: boolean }): MessageIntent {
  const plain = normalise(text);
  const count = plain.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (count === 0) return "answer";
  const firstSentence = questionSentence(plain) ?? plain.split(/(?<=[.!?])\s+/)[0]!;
  const firstBare = firstSentence.replace(/^[\s,]+/, "").replace(/^(?:sorry|ok(?:ay)?|hmm+|so|well|but|wait),?\s+/, "");
  const asksAboutGrade = firstBare.split(/\s+/).length <= MAX_REQUEST_WORDS && FEEDBACK.some((pattern) => pattern.test(firstBare));
  if (hasFeedback && count <= MAX_FEEDBACK_WORDS && asksAboutGrade) return "feedback-question";
  if (count > MAX_REQUEST_WORDS) return "answer";
  if (ASK_ANSWER.test(firstBare.replace(/[?.!\s]+$/, ""))) return hasFeedback ? "feedback-question" : "hint";
  const request = messageRequest(plain);
  if (request) return request;
  const sentence = questionSentence(plain);
  if (sentence && isClarification(sentence)) return "clarify";
  // Between questions nothing is awaited: a question then is about the material.
  if (!awaitingAnswer && sentence && (/\?$/.test(sentence) || /^(?:what|why|how|when|which|who|where|is|are|does|do|can|could)\b/.test(sentence))) return "clarify";
  return "answer";
}
