#!/usr/bin/env node
// Some registries (mirrors, proxies) lack the platform binaries of other systems, e.g. Next's SWC
// builds for macOS and Windows. npm then leaves those optional packages out of package-lock.json
// and `npm ci` rejects the very lockfile `npm install` wrote ("Missing: @next/swc-darwin-arm64@").
// This adds an entry for each such optional dependency, with the os/cpu read from its name, so
// `npm ci` accepts the lockfile everywhere and each machine fetches only its own platform's binary.
// Run it after `npm install` changes the lockfile: `npm run lock:complete`.
import fs from "node:fs";

const LOCKFILE = "package-lock.json";
const OS_NAMES = new Set(["darwin", "linux", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony"]);
const CPU_NAMES = new Set(["arm", "arm64", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"]);

/** `@next/swc-linux-arm64-musl` -> { os: ["linux"], cpu: ["arm64"], libc: ["musl"] } */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((part) => OS_NAMES.has(part));
  const cpu = parts.find((part) => CPU_NAMES.has(part));
  const platform = {};
  if (os) platform.os = [os];
  if (cpu) platform.cpu = [cpu];
  if (os === "linux" && parts.some((part) => part.startsWith("musl"))) platform.libc = ["musl"];
  else if (os === "linux" && parts.some((part) => part.startsWith("gnu"))) platform.libc = ["glibc"];
  return platform;
}

const lock = JSON.parse(fs.readFileSync(LOCKFILE, "utf8"));
const added = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue; // not a platform binary: leave it to npm
    lock.packages[hoisted] = { version, ...platform, optional: true };
    added.push(`${name}@${version}`);
  }
}
fs.writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
console.error(added.length ? `Added ${added.length} platform entries: ${added.join(", ")}` : "The lockfile is complete.");
