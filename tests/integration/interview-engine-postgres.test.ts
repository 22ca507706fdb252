import { describe } from "vitest";
import { engineDatabase } from "./support/interview-engine";
import { postgresTestUrl } from "./support/scratch-postgres";

/**
 * The interview engine's tests (offline mode) again, with the app's process-wide database on a
 * real PostgreSQL (a fresh database on DATABASE_URL_TEST's server) instead of PGlite.
 */
if (postgresTestUrl) {
  engineDatabase.kind = "postgres";
  await import("./interview-engine.test");
} else {
  describe.skip("the interview engine on PostgreSQL (set DATABASE_URL_TEST)", () => {});
}
