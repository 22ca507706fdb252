import { eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { documents, questions } from "../schema";

/*
 * Who sees what: the shared library (owner null, the documents of content/) is everyone's; a
 * document added from the browser by a signed-in person, and the questions it brings, are theirs
 * alone. Every query that lists, searches or counts questions or documents for a person filters
 * with one of these.
 */

/** Questions this owner may see: the shared ones and their own (null: the shared ones alone). */
export function questionVisibleTo(ownerId: string | null): SQL {
  return ownerId === null ? isNull(questions.ownerId) : or(isNull(questions.ownerId), eq(questions.ownerId, ownerId))!;
}

/** Documents this owner may see: the shared ones and their own (null: the shared ones alone). */
export function documentVisibleTo(ownerId: string | null): SQL {
  return ownerId === null ? isNull(documents.ownerId) : or(isNull(documents.ownerId), eq(documents.ownerId, ownerId))!;
}

/**
 * For raw search SQL over chunks (aliased or not): `and <column> in (visible question ids)`, or
 * nothing when no owner is given (the command line sees everything).
 */
export function visibleQuestionFilter(questionIdColumn: SQL, ownerId: string | undefined): SQL {
  if (ownerId === undefined) return sql``;
  return sql`and ${questionIdColumn} in (select id from questions where owner_id is null or owner_id = ${ownerId})`;
}
