import fs from "node:fs";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";

const adminUrl = process.env.DATABASE_URL_TEST;

// Scale-out: several app servers start at once against one PostgreSQL and all migrate it.
describe.skipIf(!adminUrl)("migrations on PostgreSQL from several servers at once", () => {
  it("applies each migration once and lets every server start", async () => {
    const name = `coach_race_${process.pid}_${Date.now()}`;
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    const servers = await Promise.all([1, 2, 3].map(() => openDatabase({ url: url.toString() })));
    try {
      await Promise.all(servers.map((server) => migrateDatabase(server)));
      const check = postgres(url.toString(), { max: 1 });
      const [migrations] = await check<{ applied: number }[]>`select count(*)::int as applied from drizzle.__drizzle_migrations`;
      const [tables] = await check<{ count: number }[]>`select count(*)::int as count from information_schema.tables where table_schema = 'public'`;
      await check.end();
      const journal = JSON.parse(fs.readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8")) as { entries: unknown[] };
      expect(migrations?.applied).toBe(journal.entries.length);
      expect(tables?.count).toBe(Object.values(schema).filter((value) => is(value, PgTable)).length);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
