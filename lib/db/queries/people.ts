import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { documents, interviewSessions, people, reviewCards } from "../schema";
import { isUuid } from "./interview-sessions";

export type PersonRow = typeof people.$inferSelect;

/** The person with this sign-in name, whatever its case, or null. */
export async function findPersonByName({ db, name }: { db: Database; name: string }): Promise<PersonRow | null> {
  const [row] = await db.select().from(people).where(sql`lower(${people.name}) = lower(${name})`);
  return row ?? null;
}

/** The person with this id, or null (a malformed id included). */
export async function getPersonById({ db, id }: { db: Database; id: string }): Promise<PersonRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row ?? null;
}

/** Adds a person; null when the name is taken (whatever its case). */
export async function addPerson({ db, name, passwordHash }: { db: Database; name: string; passwordHash: string }): Promise<PersonRow | null> {
  const rows = await db.insert(people).values({ name, passwordHash }).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Replaces a person's password hash; false when there is no such person. */
export async function setPersonPassword({ db, id, passwordHash }: { db: Database; id: string; passwordHash: string }): Promise<boolean> {
  const rows = await db.update(people).set({ passwordHash }).where(eq(people.id, id)).returning({ id: people.id });
  return rows.length > 0;
}

/** Everyone who may sign in, by name. */
export async function listPeople({ db }: { db: Database }): Promise<Pick<PersonRow, "id" | "name" | "createdAt">[]> {
  return db.select({ id: people.id, name: people.name, createdAt: people.createdAt }).from(people).orderBy(asc(people.name));
}

/** How many people may sign in. */
export async function countPeople({ db }: { db: Database }): Promise<number> {
  const [row] = await db.select({ value: sql<number>`count(*)::int` }).from(people);
  return row?.value ?? 0;
}

/**
 * Removes a person and everything they own, in one transaction: their interviews (messages and
 * answers cascade), review cards and the rows of their own documents (`removeOwnDocuments` runs
 * inside the same transaction). Returns the paths of their documents, whose files the caller
 * deletes once this has committed. Null when there is no such person.
 */
export async function removePerson({
  db,
  id,
  removeOwnDocuments,
}: {
  db: Database;
  id: string;
  removeOwnDocuments: (tx: Database, paths: string[]) => Promise<void>;
}): Promise<{ documents: string[]; interviews: number } | null> {
  if (!isUuid(id)) return null;
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, id)).for("update");
    if (!person) return null;
    const owned = await tx.select({ path: documents.path }).from(documents).where(eq(documents.ownerId, id));
    await removeOwnDocuments(tx, owned.map((row) => row.path));
    const interviews = await tx.delete(interviewSessions).where(eq(interviewSessions.ownerId, id)).returning({ id: interviewSessions.id });
    await tx.delete(reviewCards).where(eq(reviewCards.ownerId, id));
    await tx.delete(people).where(eq(people.id, id));
    return { documents: owned.map((row) => row.path), interviews: interviews.length };
  });
}
