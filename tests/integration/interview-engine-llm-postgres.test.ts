import { describe } from "vitest";
import { engineDatabase } from "./support/interview-engine";
import { postgresTestUrl } from "./support/scratch-postgres";

/**
 * The interview engine's LLM-mode tests (faults included) again, with the app's process-wide
 * database on a real PostgreSQL (a fresh database on DATABASE_URL_TEST's server).
 */
if (postgresTestUrl) {
  engineDatabase.kind = "postgres";
  await import("./interview-engine-llm.test");
} else {
  describe.skip("the interview engine with an LLM on PostgreSQL (set DATABASE_URL_TEST)", () => {});
}
