/**
 * `tsx tests/e2e/support/build-with-canaries.ts`: the e2e run's build, made with canary secrets in
 * its environment (OPENAI_API_KEY, AUTH_SECRET, NEXTAUTH_SECRET and a DATABASE_URL with a
 * password), so tests/e2e/secrets.e2e.ts can scan the very build the other tests use.
 *
 * Why this way: it is the cheapest honest one. The canaries live in the build's environment
 * only, not the servers' (an API key or a database URL would change the offline server's mode),
 * and the build is the one `npm start` would have made anyway: it runs only when the sources
 * changed since the last build or that build was not made with the canaries (a marker in .next
 * names the build that was), so an unchanged tree costs nothing. A separate build elsewhere
 * would cost a second full build every run. `npm start` then finds the build fresh and serves it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isBuildStale } from "@/lib/cli/build-freshness";
import { CANARIES, CANARY_MARKER } from "./canaries";

const buildIdFile = path.join(".next", "BUILD_ID");
const readBuildId = () => (fs.existsSync(buildIdFile) ? fs.readFileSync(buildIdFile, "utf8").trim() : null);
const marked = fs.existsSync(CANARY_MARKER) ? (JSON.parse(fs.readFileSync(CANARY_MARKER, "utf8")) as { buildId?: string }).buildId : undefined;

if (isBuildStale() || marked !== readBuildId()) {
  process.stderr.write("Building the app with canary secrets in its environment...\n");
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...CANARIES } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(CANARY_MARKER, JSON.stringify({ buildId: readBuildId(), canaries: Object.keys(CANARIES) }));
}
