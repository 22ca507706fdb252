import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDatabase } from "@/lib/db/client";
import { getPersonById } from "@/lib/db/queries/people";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./auth-options";
import { LOCAL_OWNER, type Person } from "./owner";

const LOCAL_PERSON: Person = { id: LOCAL_OWNER, name: "you", signedIn: false };

/**
 * Who is asking, in a route handler, page or server action: the local owner when nobody signs in
 * on this server; otherwise the signed-in person, or null. The person must still exist: a sign-in
 * cookie outliving its person (removed with `user remove`) opens nothing.
 */
export async function getPerson(): Promise<Person | null> {
  if (!getEnv().signInRequired) return LOCAL_PERSON;
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string") return null;
  const { db } = await getDatabase();
  const person = await getPersonById({ db, id });
  return person ? { id: person.id, name: person.name, signedIn: true } : null;
}

/** The person asking, for API routes: a 401 with a clear message when nobody is signed in. */
export async function requirePerson(): Promise<Person> {
  const person = await getPerson();
  if (!person) throw new AppError("unauthorized", "Sign in first: this coach is shared, and what you practise is yours alone.");
  return person;
}

/** The person asking, for pages: sends anyone not signed in to the sign-in page and back here after. */
export async function requirePagePerson(returnTo: string): Promise<Person> {
  const person = await getPerson();
  if (!person) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return person;
}

/** Only paths of this app are returned to after sign-in, never another site (`//evil`, `https:`). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
