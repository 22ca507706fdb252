/**
 * Decides when two documents ask the same question. Wording varies between collections (casing,
 * punctuation, typos, "What is" vs "What do you understand by", a missing article), but questions
 * that merely share words ("What is the softmax function?" / "What are the softmax and ReLU
 * functions?") must stay apart, so the test is strict: the same content words, up to one typo each.
 */

// Openers that ask for the same thing in other words; removed before comparing content.
const BOILERPLATE = [
  "what do you mean by",
  "what do you understand by",
  "what is meant by",
  "can you explain",
  "could you explain",
  "explain what is",
  "explain what are",
  "tell me about",
  "what is",
  "what are",
  "what s",
  "whats",
  "define",
  "explain",
  "describe",
];

const STOP_WORDS = new Set(["a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "is", "are", "do", "does", "you", "we", "it", "its", "this", "that", "with", "by", "be"]);

/** The exact key: case, accents, punctuation and spacing folded away. */
export function exactKey(question: string): string {
  return question
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The content words of a question, boilerplate opener and stop words removed, lightly stemmed. */
export function contentWords(question: string): string[] {
  let text = exactKey(question);
  for (const opener of BOILERPLATE) {
    if (text.startsWith(`${opener} `)) {
      text = text.slice(opener.length + 1);
      break;
    }
  }
  return text
    .split(" ")
    .filter((word) => word && !STOP_WORDS.has(word))
    .map(stem);
}

/** Plural and simple verb endings only: enough to match "functions"/"function", not to conflate. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

// Ingestion compares each new wording with every stored one: normalise each wording once.
const memo = new Map<string, { key: string; words: string[] }>();

function normalised(question: string): { key: string; words: string[] } {
  let entry = memo.get(question);
  if (!entry) {
    if (memo.size > 100_000) memo.clear();
    entry = { key: exactKey(question), words: contentWords(question) };
    memo.set(question, entry);
  }
  return entry;
}

/** True when two questions are the same question (see the module comment for what counts). */
export function isSameQuestion(a: string, b: string): boolean {
  const first = normalised(a);
  const second = normalised(b);
  if (first.key === second.key) return true;
  const wordsA = first.words;
  const wordsB = second.words;
  if (wordsA.length === 0 || wordsB.length === 0 || wordsA.length !== wordsB.length) return false;
  const remaining = [...wordsB];
  for (const word of wordsA) {
    const index = remaining.findIndex((other) => wordsMatch(word, other));
    if (index === -1) return false;
    remaining.splice(index, 1);
  }
  return true;
}

/** Equal, or one edit apart for words long enough that one edit is a typo, not another word. */
function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || /\d/.test(a + b)) return false;
  return editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Blocking keys for ingestion (IndexPolicy.blockingKeys): when isSameQuestion(a, b) holds, some key
 * of `blockingKeys(b).probe` is among `blockingKeys(a).all`, so only wordings sharing a key need
 * comparing. Same questions have the same number of content words, and b's first content word
 * equals some word of a or is one edit from it; a word's keys are itself and, when a typo is
 * allowed in it, each deletion of one letter (one edit apart, two words share a deletion, or the
 * shorter is a deletion of the longer). Every key carries the word count; the exact key is one too.
 */
export function blockingKeys(question: string): { probe: string[]; all: string[] } {
  const { key, words } = normalised(question);
  const exact = `=${key}`;
  if (words.length === 0) return { probe: [exact], all: [exact] };
  const keysOf = (word: string) => [word, ...(word.length >= 6 && !/\d/.test(word) ? [...word].map((_, index) => word.slice(0, index) + word.slice(index + 1)) : [])].map((item) => `${words.length}:${item}`);
  return { probe: [exact, ...keysOf(words[0]!)], all: [exact, ...words.flatMap(keysOf)] };
}
