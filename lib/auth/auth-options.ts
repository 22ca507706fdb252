import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "@/lib/db/client";
import { findPersonByName } from "@/lib/db/queries/people";
import { getAuthSecret } from "./auth-secret";
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import { takeSignInAttempt } from "./sign-in-attempts";

/** How long a sign-in lasts without coming back. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;
/** Hashed once so that an unknown name costs what a wrong password costs (no name probing by timing). */
let dummyHash: Promise<string> | undefined;

/**
 * Auth.js (next-auth) settings: sign-in with a name and password from the people table (added by
 * `npm run cli -- user add`), sessions as signed, encrypted JWT cookies. The cookie carries the
 * person's id in `sub`; lib/auth/current-person.ts checks that the person still exists.
 */
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "name and password",
        credentials: { name: { label: "Name", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const name = String(credentials?.name ?? "").trim();
          const password = String(credentials?.password ?? "");
          if (!name || name.length > 200 || !password || password.length > MAX_PASSWORD_LENGTH) return null;
          // Auth.js passes a thrown error's message to the sign-in form.
          const refusal = takeSignInAttempt(name);
          if (refusal) throw new Error(refusal);
          const { db } = await getDatabase();
          const person = await findPersonByName({ db, name });
          if (!person) {
            await verifyPassword(password, await (dummyHash ??= hashPassword("not a password of anyone")));
            return null;
          }
          return (await verifyPassword(password, person.passwordHash)) ? { id: person.id, name: person.name } : null;
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        return { ...session, user: { name: token.name ?? null, id: token.sub } };
      },
    },
  };
}
