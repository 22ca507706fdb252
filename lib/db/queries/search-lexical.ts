import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "./rows-of";
import { visibleQuestionFilter } from "./visible-to";

/**
 * A query term: a corpus lexeme, how much it counts, and its place among the query's concepts.
 * Terms of one concept's alternative (0: as typed; 1 and on: another wording of the same thing)
 * add up; of a concept's alternatives a chunk is credited with the best, scaled to weigh what the
 * typed wording weighs.
 */
export interface WeightedLexeme {
  lexeme: string;
  weight: number;
  concept: number;
  alternative: number;
}

/** Two query words in order, `distance` words apart: a chunk that has them so earns a bonus. */
export interface QueryPhrase {
  first: string;
  second: string;
  distance: number;
}

export interface LexicalSearchOptions {
  db: Database;
  terms: WeightedLexeme[];
  phrases?: QueryPhrase[];
  /** A phrase match counts as a term of this weight times the mean idf of its two words. */
  phraseWeight?: number;
  limit: number;
  /** BM25 term-frequency saturation and length normalisation. */
  k1: number;
  b: number;
  /** How much a match in a question's own wording counts against one in its answer. */
  questionWeight: number;
  /** Only questions of these topics. */
  topics?: string[];
  /** Only questions this owner may see (the shared library and their own); everything without it. */
  visibleTo?: string;
  /**
   * Score only chunks holding one of these lexemes (default: any query lexeme). The caller prunes
   * with it: chunks holding nothing but very common words cannot reach the top (see prune-lexical).
   */
  candidateLexemes?: string[];
}

export interface LexicalHit {
  questionId: string;
  score: number;
  /** The best-scoring chunk: what matched. */
  chunkId: string;
}

/**
 * BM25 over the chunks, in the database: the GIN index finds the chunks holding any query lexeme,
 * each one's term frequencies come from its tsvector's positions, and the inverse document
 * frequencies and average length come from the tables the chunk triggers keep exact. A question
 * scores its best question-wording chunk (weighted) plus its best answer chunk, so a long answer
 * split in many chunks is not counted many times.
 */
export async function searchLexical(options: LexicalSearchOptions): Promise<LexicalHit[]> {
  const { db, limit, k1, b, questionWeight, topics, phraseWeight = 0 } = options;
  // Lexemes come from to_tsvector, but a quote would break the tsquery literal: such terms are dropped.
  const terms = options.terms.filter((term) => term.weight > 0 && !/['\\]/.test(term.lexeme));
  if (terms.length === 0) return [];
  const anyTerm = [...new Set(terms.map((term) => `'${term.lexeme}'`))].join(" | ");
  const chosen = options.candidateLexemes?.filter((lexeme) => !/['\\]/.test(lexeme));
  if (chosen?.length === 0) return [];
  // Pruned: every chunk (question wording and answer alike) of a question that has a chosen word somewhere.
  const candidateFilter = chosen
    ? sql`and c.question_id in (select question_id from chunks where tsv @@ ${[...new Set(chosen.map((lexeme) => `'${lexeme}'`))].join(" | ")}::tsquery)`
    : sql``;
  const phrases = (options.phrases ?? []).filter((phrase) => phraseWeight > 0 && !/['\\]/.test(phrase.first + phrase.second));
  const phraseQueries = phrases.map((phrase) => `'${phrase.first}' <${phrase.distance}> '${phrase.second}'`);
  const [K1, B, QW] = [sql`${k1}::float8`, sql`${b}::float8`, sql`${questionWeight}::float8`];
  const topicFilter = sql`${topics?.length ? sql`and c.question_id in (select id from questions where topic = any(${sql.param(topics)}::text[]))` : sql``} ${visibleQuestionFilter(sql`c.question_id`, options.visibleTo)}`;
  const column = <K extends keyof WeightedLexeme>(key: K) => sql.param(terms.map((term) => term[key]));
  const result = await db.execute(sql`
    with terms as (
      select * from unnest(${column("lexeme")}::text[], ${column("weight")}::float8[], ${column("concept")}::integer[], ${column("alternative")}::integer[])
        as t(lexeme, weight, concept, alternative)
    ),
    totals as (
      select greatest(chunks, 1)::float8 as n, greatest(tokens::float8 / greatest(chunks, 1), 1) as average_length
      from search_totals where id = 1
    ),
    idf as (
      select t.*, t.weight * ln(1 + (totals.n - s.chunks + 0.5) / (s.chunks + 0.5)) as mass
      from terms t join search_terms s on s.lexeme = t.lexeme cross join totals
    ),
    phrases as (
      select p.query::tsquery as query, ${sql`${phraseWeight}::float8`} * (ln(1 + (totals.n - s1.chunks + 0.5) / (s1.chunks + 0.5)) + ln(1 + (totals.n - s2.chunks + 0.5) / (s2.chunks + 0.5))) / 2 as weight
      from unnest(${sql.param(phraseQueries)}::text[], ${sql.param(phrases.map((phrase) => phrase.first))}::text[], ${sql.param(phrases.map((phrase) => phrase.second))}::text[]) as p(query, first, second)
        join search_terms s1 on s1.lexeme = p.first join search_terms s2 on s2.lexeme = p.second cross join totals
    ),
    candidates as (
      select c.id, c.question_id, c.kind, c.tsv, c.token_count from chunks c where c.tsv @@ ${anyTerm}::tsquery ${candidateFilter} ${topicFilter}
    ),
    masses as (select concept, alternative, sum(mass) as mass from idf group by concept, alternative),
    -- Another wording of a concept weighs what the typed wording weighs, however rare its words are.
    scaled as (
      select idf.lexeme, idf.concept, idf.alternative,
        idf.mass * coalesce(typed.mass / nullif(own.mass, 0), 1) as weight
      from idf
        join masses own on own.concept = idf.concept and own.alternative = idf.alternative
        left join masses typed on typed.concept = idf.concept and typed.alternative = 0
    ),
    alternative_scores as (
      select c.id, c.question_id, c.kind, scaled.concept, scaled.alternative,
        sum(scaled.weight * u.tf * (${K1} + 1) / (u.tf + ${K1} * (1 - ${B} + ${B} * c.token_count / totals.average_length))) as score
      from candidates c
        cross join totals
        cross join lateral (select x.lexeme, coalesce(array_length(x.positions, 1), 1) as tf from unnest(c.tsv) as x(lexeme, positions, weights)) as u
        join scaled on scaled.lexeme = u.lexeme
      group by c.id, c.question_id, c.kind, scaled.concept, scaled.alternative
    ),
    concept_scores as (
      select id, question_id, kind, max(score) as score from alternative_scores group by id, question_id, kind, concept
    ),
    -- Query words standing together in a chunk as in the query ("linear regression") say more than apart.
    phrase_scores as (
      select c.id, c.question_id, c.kind, sum(p.weight * (${K1} + 1) / (1 + ${K1} * (1 - ${B} + ${B} * c.token_count / totals.average_length))) as score
      from candidates c cross join totals join phrases p on c.tsv @@ p.query
      group by c.id, c.question_id, c.kind
    ),
    chunk_scores as (
      select id, question_id, kind, sum(score) as score
      from (select * from concept_scores union all select * from phrase_scores) as scores group by id, question_id, kind
    ),
    question_scores as (
      select question_id,
        ${QW} * coalesce(max(score) filter (where kind = 'question'), 0) + coalesce(max(score) filter (where kind = 'answer'), 0) as score,
        (array_agg(id order by score desc))[1] as chunk_id
      from chunk_scores group by question_id
    )
    select question_id, score, chunk_id from question_scores order by score desc, question_id limit ${limit}`);
  return rowsOf<{ question_id: string; score: number; chunk_id: string }>(result).map((row) => ({
    questionId: row.question_id,
    score: Number(row.score),
    chunkId: row.chunk_id,
  }));
}
