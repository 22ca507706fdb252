import { stemmer } from "stemmer";

// Function words carry no evidence of knowing anything; kept small and explicit so that negations
// ("not", "no", "never") and quantities ("more", "less") stay: they change what a statement claims.
const STOP_WORDS = new Set(
  ("a an the and or but if then than so as of at by for from in into on onto to with without about over under " +
    "is are was were be been being am do does did done has have had having it its this that these those there here " +
    "i you he she we they me him her us them my your our their what which who whom whose when where why how " +
    "can could would should may might must will shall also just very really quite such both each any some " +
    "thing things way ways etc eg ie")
    .split(" "),
);

// Words of emphasis say how much something matters, never what it is: "a crucial, fundamental
// layer" knows no more than "a layer", and sprinkling them must not match a reference that happens
// to say "essentially". Not grammar either, so a keyword list padded with them stays a list.
const EMPHASIS_WORDS = new Set(
  ("crucial crucially fundamental fundamentally essential essentially important importantly critical critically " +
    "significant significantly vital key")
    .split(" "),
);

/** Lowercase word tokens (letters and digits, inner hyphens and apostrophes kept apart). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The stems of a text's content words, in order: what lexical evidence is counted in. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word) && !EMPHASIS_WORDS.has(word) && !/^\d{1,2}$/.test(word))
    .map((word) => stemmer(word));
}

/** True for a word of emphasis ("crucial", "fundamental"): it says how much, never what. */
export function isEmphasisWord(word: string): boolean {
  return EMPHASIS_WORDS.has(word.toLowerCase());
}

/** True for a word that is only grammar. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
