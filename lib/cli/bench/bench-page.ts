import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { getEmbeddingSettings } from "@/lib/embeddings";
import { isBuildStale } from "../build-freshness";
import { freeLoopbackPort, startChild, tsxCli, waitFor } from "./child-server";
import { inlineScripts, request, scriptSources } from "./http-fetch";
import { percentiles, round, type Percentiles } from "./measure";

export interface PageBench {
  /** Whether the production build was stale or missing, so the bench's `serve` built it first. */
  built: boolean;
  /** Start-up to the first healthy answer (migrations, ingestion of content/, any build, `next start`). */
  startMs: number;
  html: { transferredBytes: number; bytes: number; encoding: string };
  /** External scripts of the interview page's HTML: what a first visit downloads before it is interactive. */
  scripts: { count: number; transferredBytes: number; bytes: number; encodings: string[] };
  /** Inline scripts (the React Server Components payload among them), already counted in the HTML. */
  inline: { count: number; bytes: number };
  requests: number;
  /** GET /interview/<id>: the server's time to the page's last byte. */
  page: Percentiles;
  /** Baseline: GET /api/health (one database round trip, no rendering), interleaved with the page. */
  health: Percentiles;
  ratioP50: number;
  ratioP95: number;
}

/**
 * The interview page as a first visit gets it, from the production server started as `npm start`
 * does (the build made first when stale), on a free loopback port with a throwaway data folder
 * under .data/ (always the embedded database, never DATABASE_URL's): an interview is created over
 * the API, its page loaded, its scripts fetched as a browser would (compressed), and the page's
 * response time measured against /api/health's, interleaved. The server is always stopped.
 */
export async function benchPage({ root, requests, log }: { root: string; requests: number; log: (line: string) => void }): Promise<PageBench> {
  const built = isBuildStale(root);
  const port = await freeLoopbackPort();
  await fs.mkdir(path.join(root, ".data"), { recursive: true });
  const dataDir = await fs.mkdtemp(path.join(root, ".data", "bench-page-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    // Models stay where they are; only the database is throwaway.
    EMBEDDING_MODEL_DIR: path.resolve(root, getEmbeddingSettings().modelDir),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const server = startChild([tsxCli(), path.join("lib", "cli", "main.ts"), "serve"], { cwd: root, env, onLine: (line) => log(`app | ${line}`) });
  const base = `http://127.0.0.1:${port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await waitFor(async () => (await request(`${base}/api/health`)).status === 200, {
      timeoutMs: 20 * 60_000,
      everyMs: 500,
      gone: () => (server.child.exitCode !== null ? `the app exited with ${server.child.exitCode}:\n${server.output().slice(-4000)}` : null),
    });
    const startMs = round(performance.now() - started, 0);
    const created = await request(`${base}/api/interviews`, { method: "POST", body: { questionCount: 5 } });
    if (created.status !== 201) throw new Error(`POST /api/interviews answered ${created.status}: ${created.body.toString("utf8").slice(0, 300)}`);
    const { id } = JSON.parse(created.body.toString("utf8")) as { id: string };
    const pageUrl = `${base}/interview/${encodeURIComponent(id)}`;

    const page = await request(pageUrl, { agent });
    if (page.status !== 200) throw new Error(`GET /interview/${id} answered ${page.status}`);
    const html = page.body.toString("utf8");
    const scripts = { count: 0, transferredBytes: 0, bytes: 0, encodings: new Set<string>() };
    for (const src of scriptSources(html)) {
      const script = await request(new URL(src, pageUrl).toString(), { agent });
      if (script.status !== 200) throw new Error(`GET ${src} answered ${script.status}`);
      scripts.count++;
      scripts.transferredBytes += script.transferredBytes;
      scripts.bytes += script.body.length;
      scripts.encodings.add(String(script.headers["content-encoding"] ?? "identity"));
    }
    const inline = inlineScripts(html);

    log(`timing ${requests} page loads against ${requests} health checks...`);
    const times = { page: [] as number[], health: [] as number[] };
    const warmup = 3;
    for (let index = 0; index < requests + warmup; index++) {
      const runs: [keyof typeof times, string][] = [
        ["page", pageUrl],
        ["health", `${base}/api/health`],
      ];
      if (index % 2 === 1) runs.reverse();
      for (const [name, url] of runs) {
        const response = await request(url, { agent });
        if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
        if (index >= warmup) times[name].push(response.ms);
      }
    }
    const pageTimes = percentiles(times.page);
    const health = percentiles(times.health);
    return {
      built,
      startMs,
      html: { transferredBytes: page.transferredBytes, bytes: page.body.length, encoding: String(page.headers["content-encoding"] ?? "identity") },
      scripts: { count: scripts.count, transferredBytes: scripts.transferredBytes, bytes: scripts.bytes, encodings: [...scripts.encodings] },
      inline: { count: inline.length, bytes: inline.reduce((sum, text) => sum + Buffer.byteLength(text), 0) },
      requests,
      page: pageTimes,
      health,
      ratioP50: round(pageTimes.p50 / health.p50, 2),
      ratioP95: round(pageTimes.p95 / health.p95, 2),
    };
  } finally {
    agent.destroy();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
