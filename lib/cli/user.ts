import { parseArgs } from "node:util";
import { hashPassword, MAX_PASSWORD_LENGTH } from "@/lib/auth/password";
import { getDatabase } from "@/lib/db/client";
import fs from "node:fs/promises";
import path from "node:path";
import { removeDocuments } from "@/lib/db/queries/documents";
import { addPerson, findPersonByName, listPeople, removePerson, setPersonPassword } from "@/lib/db/queries/people";
import { canonicalize } from "@/lib/ingest/merge-policy";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readPassword } from "./read-password";

const MIN_PASSWORD_LENGTH = 8;

/**
 * `user add <name>`, `user password <name>`, `user remove <name> --yes`, `user list [--json]`: the people who may sign in when
 * the app is reachable from other machines. Passwords are read from the terminal without echo,
 * or from the first line of stdin with `--password-stdin` (for scripts); never from arguments,
 * which other users of the machine can see in the process list.
 */
export async function runUser(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  const [action, name] = positionals;
  const { db } = await getDatabase();
  if (action === "list") {
    const people = await listPeople({ db });
    if (values.json) process.stdout.write(`${JSON.stringify(people.map(({ id, name, createdAt }) => ({ id, name, createdAt: createdAt.toISOString() })))}\n`);
    else process.stdout.write(people.length ? people.map((person) => `${person.name}\t${person.id}`).join("\n") + "\n" : "Nobody may sign in yet: add someone with `user add <name>`.\n");
    return 0;
  }
  if (action === "remove" && name) return remove(db, name.trim(), values.yes);
  if ((action !== "add" && action !== "password") || !name) throw new AppError("bad_request", "Usage: user add <name> | user password <name> | user remove <name> --yes | user list [--json] (add --password-stdin to read the password from stdin)");
  const trimmed = name.trim();
  if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(trimmed)) throw new AppError("bad_request", "A name is 1 to 64 letters, digits, dots, dashes, underscores or @.");
  const password = await readPassword({ fromStdin: values["password-stdin"], prompt: `Password for ${trimmed}: ` });
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("bad_request", `A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`);
  }
  const passwordHash = await hashPassword(password);
  if (action === "add") {
    const person = await addPerson({ db, name: trimmed, passwordHash });
    if (!person) throw new AppError("conflict", `Someone named "${trimmed}" may already sign in (names ignore case). Change their password with \`user password ${trimmed}\`.`);
    process.stderr.write(`${person.name} may now sign in.${getEnv().signInRequired ? "" : " (Sign-in is off while the app listens on loopback only: set HOST, or AUTH_REQUIRED=true, to turn it on.)"}\n`);
    return 0;
  }
  const person = await findPersonByName({ db, name: trimmed });
  if (!person || !(await setPersonPassword({ db, id: person.id, passwordHash }))) throw new AppError("not_found", `Nobody named "${trimmed}" may sign in.`);
  process.stderr.write(`The password of ${person.name} is changed.\n`);
  return 0;
}

/** Removes a person with everything they own: interviews, answers, reviews and their own documents. */
async function remove(db: Awaited<ReturnType<typeof getDatabase>>["db"], name: string, confirmed: boolean): Promise<number> {
  const person = await findPersonByName({ db, name });
  if (!person) throw new AppError("not_found", `Nobody named "${name}" may sign in.`);
  if (!confirmed) throw new AppError("bad_request", `This deletes ${person.name} with all their interviews, answers, reviews and documents. Run it again with --yes to go ahead.`);
  const removed = await removePerson({ db, id: person.id, removeOwnDocuments: (tx, paths) => removeDocuments({ db: tx, paths, canonicalize }) });
  if (!removed) throw new AppError("not_found", `Nobody named "${name}" may sign in.`);
  // The files go once the rows are gone: a failure before this left both in place.
  for (const document of removed.documents) await fs.rm(path.resolve(document), { force: true });
  process.stderr.write(`Removed ${person.name}: ${removed.interviews} interviews and ${removed.documents.length} documents.\n`);
  return 0;
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean", default: false }, yes: { type: "boolean", default: false }, "password-stdin": { type: "boolean", default: false } } });
  } catch (error) {
    throw new AppError("bad_request", error instanceof Error ? error.message : String(error));
  }
}
