import type { Database } from "@/lib/db/client";
import { findAbbreviationsForLexemes } from "@/lib/db/queries/abbreviations";
import type { QueryPhrase, WeightedLexeme } from "@/lib/db/queries/search-lexical";
import { analyzeQueryText, findSimilarLexemes, type QueryLexeme, type SimilarLexeme } from "@/lib/db/queries/search-vocabulary";
import { allowedEdits, editDistance } from "./edit-distance";
import type { SearchSettings } from "./search-settings";
import { stripSpokenFillers } from "./spoken-query";

/** What the lexical tier made of a query, kept so a result can explain itself. */
export interface AnalyzedQuery {
  /** The query without spoken fillers and chatty preambles. */
  cleaned: string;
  terms: WeightedLexeme[];
  /** Neighbouring query words, for the phrase bonus. */
  phrases: QueryPhrase[];
  /** Unknown words read as misspellings of corpus words. */
  corrections: { from: string; to: string; similarity: number }[];
  /** Abbreviations the corpus defines that the query used, in either form. */
  expansions: { short: string; long: string }[];
}

/**
 * Turns a query into weighted corpus lexemes grouped by concept: fillers removed, stemmed and
 * stop-worded by the database's `english` configuration, misspelled words mapped to their nearest
 * corpus word, and abbreviations the corpus defines expanded in both directions. Query words the corpus does not
 * know and that resemble nothing are dropped; they could only match nothing.
 */
export async function analyzeQuery({ db, query, settings }: { db: Database; query: string; settings: SearchSettings }): Promise<AnalyzedQuery> {
  const cleaned = stripSpokenFillers(query);
  const lexemes = await analyzeQueryText({ db, text: cleaned });
  const terms = new QueryTerms();
  for (const { lexeme, chunks } of lexemes) if (chunks > 0) terms.addConcept([lexeme], 1);

  const unknown = lexemes.filter(({ lexeme, chunks }) => chunks === 0 && lexeme.length >= settings.minCorrectionLength && !/\d/.test(lexeme));
  const similar = await findSimilarLexemes({ db, lexemes: unknown.map(({ lexeme }) => lexeme), minSimilarity: settings.minCorrectionSimilarity, perLexeme: 8 });
  const corrections = chooseCorrections(similar);
  for (const { to } of corrections) terms.addConcept([to], settings.correctionWeight);

  // Abbreviations are looked up with the corrected words too: "convolutonal neural network" → CNN.
  const known = [...new Set([...lexemes.map(({ lexeme }) => lexeme), ...corrections.map(({ to }) => to)])];
  const abbreviations = await findAbbreviationsForLexemes({ db, lexemes: known });
  const expansions: AnalyzedQuery["expansions"] = [];
  const expandedShorts = new Set<string>();
  for (const abbreviation of abbreviations) {
    if (expandedShorts.has(abbreviation.shortLexeme)) continue; // an ambiguous short form takes its most common long form
    expandedShorts.add(abbreviation.shortLexeme);
    if (known.includes(abbreviation.shortLexeme)) {
      terms.addAlternative(abbreviation.shortLexeme, abbreviation.longLexemes, settings.longFormWeight);
    } else {
      terms.mergeIntoConcept(abbreviation.longLexemes, abbreviation.shortLexeme, settings.shortFormWeight);
    }
    expansions.push({ short: abbreviation.short, long: abbreviation.long });
  }
  const list = terms.list();
  // A long form's words already count as one concept; their adjacency must not count again as phrases.
  const conceptOf = new Map(list.filter((term) => term.alternative === 0).map((term) => [term.lexeme, term.concept]));
  const phrases = neighbouringPairs(lexemes.filter(({ lexeme, chunks }) => chunks > 0 && !lexeme.includes("-"))).filter(
    (phrase) => conceptOf.get(phrase.first) !== conceptOf.get(phrase.second),
  );
  return { cleaned, terms: list, phrases, corrections, expansions };
}

/**
 * A query's terms grouped into concepts, each with alternative wordings: the words as typed
 * (alternative 0) and, for an abbreviation the corpus defines, its other form (alternative 1).
 * The lexical search credits a chunk with the best alternative of each concept, scaled to the
 * typed form's weight, so "CNN" and "convolutional neural network" count as one concept of the
 * query whichever form a document uses, and a document using both is not paid twice.
 */
class QueryTerms {
  private readonly terms: WeightedLexeme[] = [];
  private nextConcept = 0;

  addConcept(lexemes: string[], weight: number): void {
    if (lexemes.some((lexeme) => this.terms.some((term) => term.lexeme === lexeme && term.alternative === 0))) return;
    const concept = this.nextConcept++;
    for (const lexeme of lexemes) this.terms.push({ lexeme, weight, concept, alternative: 0 });
  }

  /** Adds another wording to the concept of a typed lexeme. */
  addAlternative(typed: string, lexemes: string[], weight: number): void {
    const anchor = this.terms.find((term) => term.lexeme === typed && term.alternative === 0);
    if (!anchor) return;
    for (const lexeme of lexemes) this.terms.push({ lexeme, weight, concept: anchor.concept, alternative: 1 });
  }

  /** Makes typed lexemes (a long form) one concept, with `other` (the short form) as its alternative. */
  mergeIntoConcept(typed: string[], other: string, weight: number): void {
    const concept = this.nextConcept++;
    for (const term of this.terms) if (term.alternative === 0 && typed.includes(term.lexeme)) term.concept = concept;
    this.terms.push({ lexeme: other, weight, concept, alternative: 1 });
  }

  list(): WeightedLexeme[] {
    return this.terms.map((term) => ({ ...term }));
  }
}

/**
 * Known query words that follow each other (at most two stop words between), as phrases. A
 * hyphenated word is left out: its parts follow it as words of their own ("short-term" → short, term).
 */
function neighbouringPairs(lexemes: QueryLexeme[]): QueryPhrase[] {
  const ordered = [...lexemes].sort((a, b) => a.position - b.position);
  return ordered.slice(1).flatMap((second, index) => {
    const first = ordered[index]!;
    const distance = second.position - first.position;
    return distance >= 1 && distance <= 3 ? [{ first: first.lexeme, second: second.lexeme, distance }] : [];
  });
}

/**
 * Trigram similarity proposes, edit distance decides: a candidate is a correction only within a
 * slip or two of typing (a swap counts as one), so "dropuot" becomes "dropout" while a word that
 * merely shares a stem with a corpus word ("deal" and "ideal") stays unknown. The closest wins,
 * then the commoner.
 */
function chooseCorrections(candidates: SimilarLexeme[]): AnalyzedQuery["corrections"] {
  const best = new Map<string, SimilarLexeme & { distance: number }>();
  for (const candidate of candidates) {
    const distance = editDistance(candidate.query, candidate.lexeme);
    if (distance > allowedEdits(candidate.query.length)) continue;
    const current = best.get(candidate.query);
    if (!current || distance < current.distance || (distance === current.distance && candidate.chunks > current.chunks)) best.set(candidate.query, { ...candidate, distance });
  }
  return [...best.values()].map(({ query, lexeme, similarity }) => ({ from: query, to: lexeme, similarity }));
}
