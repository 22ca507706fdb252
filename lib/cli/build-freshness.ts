import fs from "node:fs";
import path from "node:path";

/** What a production build is made from: when any of it is newer than the build, rebuild. */
const BUILD_INPUTS = ["app", "lib", "proxy.ts", "next.config.mjs", "package.json", "package-lock.json", "tsconfig.json", ".env", ".env.local", ".env.production", ".env.production.local"];

/**
 * True when `.next/BUILD_ID` is missing or older than the newest source file, so `npm start`
 * after a `git pull` serves the new code rather than a stale build. Modification times, not
 * hashes: a copy that keeps old times (rsync -a, tar) needs `npm run build` by hand.
 */
export function isBuildStale(root = process.cwd()): boolean {
  let built: number;
  try {
    built = fs.statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return true;
  }
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}
