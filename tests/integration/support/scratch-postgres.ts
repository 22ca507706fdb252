import postgres from "postgres";

// Tests read the environment directly: it configures the test run, not the app.
export const postgresTestUrl = process.env.DATABASE_URL_TEST;

/**
 * A fresh, empty PostgreSQL database on the DATABASE_URL_TEST server, for tests that hand a URL
 * to the app (its process-wide database, or a child process). `drop()` removes it, ending any
 * connection still open to it.
 */
export async function createScratchPostgres(adminUrl: string, prefix = "coach_rel"): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return {
    name,
    url: target.toString(),
    async drop() {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
