import { describe, expect, it } from "vitest";
import { collectFigures } from "@/lib/cli/report/collect-figures";
import { escapeHtml } from "@/lib/cli/report/html";
import { renderReport } from "@/lib/cli/report/render-report";

const HOSTILE = `</code><script>alert("x")</script><img src=x onerror='alert(1)'>&`;
const machine = { cpus: 2, cpuModel: `EPYC "${HOSTILE}"`, memoryGb: 24, node: "v20.20.2", platform: "linux x64", date: "2026-11-22T02:00:00.000Z" };
const percentile = (p50: number, p95: number) => ({ p50, p95 });

const benchFile = {
  command: `npm run -s cli -- bench --only '${HOSTILE}'`,
  machine,
  grading: { tier: "lexical", questions: 20, answers: 60, offline: percentile(11.8, 43.4), tfidf: percentile(0.18, 0.43), ratioP50: 64.1, ratioP95: 102, meanScore: { reference: 4.75, partial: 2.98, "off-topic": 0.48 }, tfidfMeanCosine: { reference: 0.728, partial: 0.423, "off-topic": 0.117 } },
  page: { built: false, startMs: 9000, html: { transferredBytes: 3556, bytes: 10523, encoding: "gzip" }, scripts: { count: 9, transferredBytes: 357199, bytes: 1192740, encodings: [HOSTILE] }, inline: { count: 3, bytes: 7402 }, requests: 10, page: percentile(29.4, 57.6), health: percentile(8.3, 44), ratioP50: 3.54, ratioP95: 1.31 },
};
const retrievalFile = {
  command: "npm run -s cli -- eval retrieval --dataset seed",
  machine,
  retrieval: [{ dataset: "seed", queries: 88, questions: 190, systems: { [HOSTILE]: { queries: 88, hitAt: { 1: 0.5, 5: 0.8 }, mrr: 0.61, mrrAt: 10, ms: 880 }, "plain BM25": { queries: 88, hitAt: { 1: 0.4, 5: 0.7 }, mrr: 0.52, mrrAt: 10, ms: 440 } } }],
};

function render() {
  return renderReport(collectFigures({ bench: [benchFile], grading: [], retrieval: [retrievalFile], generatedAt: "2026-11-22T03:00:00.000Z" }));
}

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("renderReport", () => {
  it("escapes every string that comes from the figures: no markup of theirs gets through", () => {
    const html = render();
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/onerror='/);
    expect(html).toContain("&lt;/code&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // The hostile string appears in the command, the CPU model, an encoding and a system name, escaped each time.
    expect(html.split("&lt;script&gt;alert(&quot;x&quot;)").length - 1).toBeGreaterThanOrEqual(4);
  });

  it("is self-contained: inline style and SVG, no script, no external asset", () => {
    const html = render();
    expect(html).toContain("<style>");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<link\b|<script\b|\ssrc=["']|href="https?:|url\(/i);
  });

  it("shows each figure beside its baseline with the command and machine that produced it", () => {
    const html = render();
    expect(html).toContain("plain TF-IDF cosine (baseline)");
    expect(html).toContain("64.1×");
    expect(html).toContain("GET /api/health (baseline)");
    expect(html).toContain("348.8 KiB"); // 357,199 bytes of scripts transferred
    expect(html).toContain("Node v20.20.2");
    expect(html).toContain("2 CPUs");
    expect(html).toContain("<code>npm run -s cli -- eval retrieval --dataset seed</code>");
  });

  it("names the command that produces each missing section", () => {
    const html = render();
    for (const command of ["bench --only ingest", "bench --only search", "bench --only llm", "eval grading --dataset mohler", "eval grading --dataset adversarial", "eval retrieval --dataset mlquestions"]) {
      expect(html).toContain(`No figures yet. Run <code>npm run -s cli -- ${command}</code>`);
    }
    expect(html).not.toContain("No figures yet. Run <code>npm run -s cli -- bench --only grading</code>");
  });

  it("renders every section as missing when nothing was saved", () => {
    const html = renderReport(collectFigures({ bench: [], grading: [], retrieval: [], generatedAt: "now" }));
    expect(html.match(/No figures yet/g)).toHaveLength(12);
  });
});

describe("collectFigures", () => {
  it("takes each part from the newest file that has it", () => {
    const older = { ...benchFile, command: "older", search: [{ engine: "pglite", size: 10000 }] };
    const newer = { command: "newer", machine, grading: benchFile.grading };
    const input = collectFigures({ bench: [newer, older], grading: [], retrieval: [], generatedAt: "now" });
    expect(input.bench.grading?.source.command).toBe("newer");
    expect(input.bench.search?.source.command).toBe("older");
    expect(input.bench.page?.source.command).toBe("older");
    expect(input.bench.ingest).toBeUndefined();
  });
});
