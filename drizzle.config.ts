import { defineConfig } from "drizzle-kit";

// Generates the migrations in drizzle/ from lib/db/schema. They are applied by the app at start
// and by `npm run db:migrate` (drizzle-orm's migrator, which also works on PGlite with pgvector).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle",
});
