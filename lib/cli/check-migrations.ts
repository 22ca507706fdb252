import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * `check-migrations`: generates migrations from lib/db/schema into a scratch copy of drizzle/ and
 * fails if anything new appears, i.e. someone changed the schema without `npm run db:generate`
 * (or edited a migration's snapshot by hand). drizzle-kit's own `check` validates the journal.
 */
export async function runCheckMigrations(): Promise<number> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "coach-migrations-"));
  try {
    await fs.cp("drizzle", scratch, { recursive: true });
    const before = new Set(await fs.readdir(scratch));
    const kit = path.join("node_modules", ".bin", "drizzle-kit");
    // drizzle-kit reads --out relative to the working directory, even when it is absolute.
    const out = path.relative(process.cwd(), scratch);
    await run(kit, ["check", "--dialect=postgresql", `--out=${out}`]);
    await run(kit, ["generate", "--dialect=postgresql", "--schema=./lib/db/schema/index.ts", `--out=${out}`, "--name=drift"]);
    const added = (await fs.readdir(scratch)).filter((file) => !before.has(file));
    if (added.length > 0) {
      const sql = await fs.readFile(path.join(scratch, added.find((file) => file.endsWith(".sql")) ?? added[0]!), "utf8").catch(() => "");
      process.stderr.write(
        "lib/db/schema and the migrations in drizzle/ have drifted apart. The schema needs this migration:\n\n" +
          `${sql.trim()}\n\nRun \`npm run db:generate -- --name=<what-changed>\` and commit the new migration.\n`,
      );
      return 1;
    }
    process.stderr.write("Schema and migrations agree.\n");
    return 0;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
