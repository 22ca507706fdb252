import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isBuildStale } from "@/lib/cli/build-freshness";

describe("isBuildStale", () => {
  let root = "";
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function touch(file: string, secondsAgo: number) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, "x");
    const when = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(full, when, when);
  }

  it("is stale without a build, fresh after one, stale again when a source changes", () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "freshness-"));
    touch("app/page.tsx", 100);
    touch("lib/env.ts", 100);
    expect(isBuildStale(root)).toBe(true);
    touch(".next/BUILD_ID", 50);
    // Directory mtimes count too (a deleted file changes its folder): set them in the past.
    for (const dir of ["app", "lib"]) fs.utimesSync(path.join(root, dir), new Date(Date.now() - 100_000), new Date(Date.now() - 100_000));
    expect(isBuildStale(root)).toBe(false);
    touch("lib/db/new-file.ts", 0);
    expect(isBuildStale(root)).toBe(true);
  });
});
