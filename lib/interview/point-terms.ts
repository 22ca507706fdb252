import { stripEmphasis } from "@/lib/ingest/clean-text";
import { contentStems } from "@/lib/grading/text-terms";

/**
 * The telling words of a key point, for hints, follow-ups and grade explanations: which words name
 * what a point is about without saying what it claims.
 */

/** A key point as plain prose: no Markdown emphasis, code ticks, display math, table pipes or stray headings. */
export function plainPoint(text: string): string {
  return stripEmphasis(text)
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/`+/g, "")
    .replace(/^\s*#{1,6}\s+/gm, "")
    .replace(/^\s*\|+|\|+\s*$/gm, "")
    .replace(/\s*\|\s*/g, "; ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words of a text worth naming: content words of four letters or more, or acronyms; no math, no numbers. */
export function termWords(text: string): string[] {
  const prose = plainPoint(text).replace(/\$[^$]*\$/g, " ");
  const found = prose.match(/[\p{L}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return found.filter((word) => (word.length >= 4 || /^\p{Lu}{2,}$/u.test(word)) && contentStems(word).length > 0);
}

/** A term as it should be shown: acronyms and names as written, other words in lower case. */
function displayForm(word: string): string {
  return /\p{Lu}.*\p{Lu}/u.test(word) || /\p{N}/u.test(word) ? word : word.toLowerCase();
}

// Words that are rare in a rubric yet tell nothing: everyday English, and the field's own staples.
const GENERIC = new Set(
  ("either whether between especially typically usually often generally provides provide involves involve refers referred " +
    "represents represent everything something anything different various several certain decides decide correctly formatted " +
    "technique techniques method methods process processes approach used using uses makes allows helps based known called " +
    "example examples following important main common specific general particular typical overall basic simple single " +
    "multiple number amount level large small high able need needs type types kind form case cases part parts term terms " +
    "order also however well many much more most less least better best good first second third three four five " +
    "network networks neural model models data learning machine deep algorithm algorithms system systems " +
    "training trained train input inputs output outputs function functions layer layers value values once " +
    "performs perform consists consist considers consider accepts accept divides divide address addresses")
    .split(" "),
);
// Endings of nouns that name a concept (a term worth working in), not an action or a manner.
const CONCEPT_ENDING = /(?:tion|sion|ity|ness|ment|ance|ence|ism|ure|ics|ogy|ion)$/;

/** Lower is better: generic words last, then words not shaped like a concept. */
function blandness(word: string): number {
  const lower = word.toLowerCase();
  if (GENERIC.has(lower)) return 2;
  if (/ly$/.test(lower)) return 1.5;
  return /^\p{Lu}{2,}$/u.test(word) || word.includes("-") || CONCEPT_ENDING.test(lower) ? 0 : 1;
}

function stemKey(word: string): string {
  return contentStems(word).join(" ");
}

/**
 * The point's most telling terms: concept-like words before everyday ones, then those in the
 * fewest of `others` (the rest of the rubric), longer first among equals, leaving out any whose
 * stem is in `exclude` (the question's own words say nothing new). Distinct by stem, in display
 * form. Pure.
 */
export function rareTerms({ point, others = [], exclude = [], max = 2 }: { point: string; others?: readonly string[]; exclude?: readonly string[]; max?: number }): string[] {
  const excluded = new Set(exclude.flatMap((text) => contentStems(text)));
  const otherStems = others.map((text) => new Set(contentStems(text)));
  const seen = new Set<string>();
  const candidates: { word: string; bland: number; frequency: number; order: number }[] = [];
  termWords(point).forEach((word, order) => {
    const key = stemKey(word);
    if (seen.has(key) || contentStems(word).some((stem) => excluded.has(stem))) return;
    seen.add(key);
    const frequency = otherStems.filter((stems) => contentStems(word).every((stem) => stems.has(stem))).length;
    candidates.push({ word: displayForm(word), bland: blandness(word), frequency, order });
  });
  return candidates
    .sort((a, b) => a.bland - b.bland || a.frequency - b.frequency || b.word.length - a.word.length || a.order - b.order)
    .slice(0, max)
    .map((candidate) => candidate.word);
}

// Words that end a sentence's subject: auxiliaries, common verbs of reference answers, and the
// words that open a clause. A subject ends before the first of these.
const VERB_LIKE = new Set(
  ("is are was were be been being has have had can could will would should may might must does do did " +
    "helps help allows allow enables enable ensures ensure makes make uses use means mean refers refer stops stop " +
    "keeps keep causes cause leads lead gives give takes take works work becomes become provides provide improves " +
    "improve computes compute learns learn needs need requires require represents represent contains contain " +
    "consists consist converges converge updates update applies apply introduces introduce adds add removes remove " +
    "sets set drops drop turns turn maps map acts act tends tend depends depend determines determine controls control " +
    "produces produce results result affects affect occurs occur happens happen involves involve includes include " +
    "solves solve avoids avoid prevents prevent reduces reduce addresses address increases increase decreases decrease " +
    "measures measure combines combine creates create trains train performs perform captures capture scales scale " +
    "by which that who where when while because since so if to for with during in on at of from into")
    .split(" "),
);
const PRONOUN_OPENERS = new Set(["it", "this", "that", "these", "those", "they", "there", "here", "which", "its", "their", "such", "another", "other", "also", "however", "thus", "hence", "therefore"]);

/**
 * The noun phrase a point is about, its sentence's subject when it has a plain one ("Dropout layers"
 * in "Dropout layers address overfitting by ...", "Convolutional layer" in "Convolutional layer -
 * the layer that ..."): one to four words ended by a verb-like word or a dash or colon, opening
 * with no pronoun. Null when the sentence shows no such boundary (its verb is not one the list
 * knows), since a guess would carry part of the claim. Pure.
 */
export function subjectPhrase(point: string): string | null {
  const words = plainPoint(point)
    .replace(/\$[^$]*\$/g, " ")
    .replace(/^(?:in short|in general|basically|simply put|in other words)[,:]?\s+/i, "")
    .split(/\s+/);
  const subject: string[] = [];
  let bounded = false;
  for (const raw of words.slice(0, 5)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!word) {
      // A lone dash or colon after a term: "Epoch - one pass over the data".
      bounded = /^[-–—:]+$/.test(raw) && subject.length > 0;
      break;
    }
    // "X and Y" or "X as Y": the subject goes on past where a short phrase could show it.
    if (/^(?:and|or|as|than|but)$/i.test(word)) break;
    if (VERB_LIKE.has(word.toLowerCase())) {
      bounded = subject.length > 0;
      break;
    }
    subject.push(word);
    if (/[:–—]$/.test(raw)) {
      bounded = true;
      break;
    }
    if (/[,;.!?)]$/.test(raw)) break;
  }
  const first = (subject[0] ?? "").toLowerCase().replace(/['’]s$/, "");
  if (!bounded || subject.length === 0 || subject.length > 4 || PRONOUN_OPENERS.has(first)) return null;
  // Sentence and heading capitals go ("Dropout layers", "Convolutional Layer" read in lower case
  // inside a sentence); acronyms and mixed case ("ReLU", "LSTM") stay.
  const phrase = subject.map((word) => (/^\p{Lu}\p{Ll}*(?:-\p{L}+)*$/u.test(word) ? word.toLowerCase() : word)).join(" ");
  return contentStems(phrase).length > 0 ? phrase : null;
}
