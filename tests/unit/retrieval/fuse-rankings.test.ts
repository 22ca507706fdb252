import { describe, expect, it } from "vitest";
import { fuseRankings } from "@/lib/retrieval/fuse-rankings";

describe("fuseRankings", () => {
  it("adds 1 / (k + rank) from every ranking an item appears in", () => {
    const fused = fuseRankings([["a", "b", "c"], ["c", "a"]], 60);
    expect(fused.map((item) => item.id)).toEqual(["a", "c", "b"]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62);
    expect(fused[1]!.score).toBeCloseTo(1 / 63 + 1 / 61);
    expect(fused[2]!.score).toBeCloseTo(1 / 62);
  });

  it("puts an item both rankings hold above one that tops a single ranking", () => {
    const fused = fuseRankings([["solo", "shared"], ["other", "shared"]], 60);
    expect(fused[0]!.id).toBe("shared");
  });

  it("keeps the first ranking's order on ties and handles empty rankings", () => {
    expect(fuseRankings([["x", "y"], []], 60).map((item) => item.id)).toEqual(["x", "y"]);
    expect(fuseRankings([["p"], ["q"]], 60).map((item) => item.id)).toEqual(["p", "q"]);
    expect(fuseRankings([], 60)).toEqual([]);
  });
});
