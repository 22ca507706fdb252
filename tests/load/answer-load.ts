/**
 * `npm run load -- [--duration 30] [--connections 10] [--sessions 100] [--soak <seconds>] [--port 3340]`
 *
 * Load test of answer submission and offline grading against the production build on loopback
 * (`npx next build` first): starts `next start` over a fresh data folder, creates many interviews,
 * then autocannon fires answers at them, each request with its own clientMessageId and a marker
 * naming its interview. Prints sustained requests/s, latency p50/p95/p99 and the error rate (an
 * HTTP error, a socket error or an `error` line in the reply stream all count). With `--soak`, it
 * runs that long (300 s is the 5-minute soak) while sampling the server's RSS from /proc every few
 * seconds, and saves the memory curve under .data/load/ with first/last/max and a linear slope.
 * Afterwards every interview is read back through GET /api/interviews/{id}: it must hold only its
 * own markers, each once, every acknowledged answer stored and graded; and messages POSTed twice
 * at once must be stored once.
 */
import autocannon from "autocannon";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkDoubleSubmit, checkIsolation, marker } from "./load-checks";
import { rssMiB, startLoadServer } from "./load-server";
import { linearSlope, percentile } from "./load-stats";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "10" },
    sessions: { type: "string" },
    soak: { type: "string" },
    port: { type: "string", default: "3340" },
    "sample-every": { type: "string", default: "5" },
  },
});
const soak = values.soak !== undefined ? Number(values.soak) : null;
const duration = soak ?? Number(values.duration);
const connections = Number(values.connections);
const sessionCount = Number(values.sessions ?? (soak ? 250 : 120));
const round = (value: number) => Math.round(value * 10) / 10;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const outDir = path.resolve(".data/load");
fs.mkdirSync(outDir, { recursive: true });

const ANSWERS = [
  "Regularisation adds a penalty on large weights to the loss, so the model stays simpler and overfits less",
  "Dropout switches off a random part of the neurons in each training step, which stops them from co-adapting",
  "Gradient descent moves the weights a small step against the gradient of the loss, scaled by the learning rate",
  "A vanishing gradient means the early layers barely learn because the gradient shrinks through many layers",
];

const server = await startLoadServer({ port: Number(values.port), dataDir: path.resolve(`.data/rel-load-${stamp}`) });
try {
  const ids: string[] = [];
  for (let start = 0; start < sessionCount + 20; start += 8) {
    const batch = Array.from({ length: Math.min(8, sessionCount + 20 - start) }, async () => {
      const response = await fetch(`${server.url}/api/interviews`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ questionCount: 20, style: "neutral" }) });
      if (response.status !== 201) throw new Error(`POST /api/interviews: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    });
    ids.push(...(await Promise.all(batch)));
  }
  const loadIds = ids.slice(0, sessionCount);
  const doubleIds = ids.slice(sessionCount);
  process.stderr.write(`${ids.length} interviews created; ${soak ? `soak for ${duration} s` : `load for ${duration} s`} with ${connections} connections (server pid ${server.pid})\n`);

  const acknowledged = loadIds.map(() => new Set<string>());
  const counts = { sent: 0, ok: 0, httpErrors: 0, streamErrors: 0 };
  const latencies: number[] = [];
  const memory: { seconds: number; rssMiB: number }[] = [];
  const started = Date.now();
  const sample = () => {
    const rss = rssMiB(server.pid);
    if (rss !== null) memory.push({ seconds: (Date.now() - started) / 1000, rssMiB: Math.round(rss * 10) / 10 });
  };
  sample();
  const sampler = setInterval(sample, Number(values["sample-every"]) * 1000);

  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const options: autocannon.Options = {
    url: server.url,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/",
        setupRequest: (request, context) => {
          const number = counts.sent++;
          const session = number % loadIds.length;
          const tag = marker(session, number);
          Object.assign(context, { session, tag });
          return {
            ...request,
            path: `/api/interviews/${loadIds[session]}/messages`,
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ clientMessageId: `load-${number}`, text: `${ANSWERS[number % ANSWERS.length]}, ${tag}.` }),
          };
        },
        onResponse: (status, body, context) => {
          if (status !== 200) counts.httpErrors++;
          else if (!body.includes('"type":"done"') || body.includes('"type":"error"')) counts.streamErrors++;
          else {
            counts.ok++;
            const { session, tag } = context as { session: number; tag: string };
            acknowledged[session]!.add(tag);
          }
        },
      },
    ],
  };
  const instance = autocannon(options, (error, result) => (error ? failed(error) : finished(result)));
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await done;
  clearInterval(sampler);
  sample();

  const total = result.requests.total;
  const failures = counts.httpErrors + counts.streamErrors + result.errors + result.timeouts;
  const figures = {
    kind: soak ? "soak" : "load",
    durationS: duration,
    connections,
    sessions: loadIds.length,
    requests: total,
    ok: counts.ok,
    httpErrors: counts.httpErrors,
    streamErrors: counts.streamErrors,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    errorRatePct: total + result.errors > 0 ? (100 * failures) / (total + result.errors) : 0,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), p99: round(percentile(latencies, 0.99)), max: round(Math.max(...latencies)) },
  };
  const isolation = await checkIsolation(server.url, loadIds, acknowledged);
  const doubles = await checkDoubleSubmit(server.url, doubleIds, loadIds.length);

  const lines = [
    `answer ${figures.kind}: ${duration} s, ${connections} connections, ${loadIds.length} interviews, offline grader, ${server.url} (production build)`,
    `requests: ${total} (ok ${counts.ok}, HTTP errors ${counts.httpErrors}, stream errors ${counts.streamErrors}, socket errors ${result.errors}, timeouts ${result.timeouts}); error rate ${figures.errorRatePct.toFixed(2)}%`,
    `sustained: ${figures.requestsPerSecond.toFixed(1)} requests/s`,
    `latency ms: p50 ${figures.latencyMs.p50}, p95 ${figures.latencyMs.p95}, p99 ${figures.latencyMs.p99}, max ${figures.latencyMs.max}`,
    `isolation: ${isolation.sessions} interviews read back, ${isolation.stored} markers stored, ${isolation.foreign} foreign, ${isolation.duplicates} duplicated, ${isolation.missing} acknowledged but missing, ${isolation.ungraded} answers without feedback`,
    `double submit: ${doubles.pairs} pairs POSTed at once (statuses ${[...new Set(doubles.statuses)].join(",")}), ${doubles.storedOnce} stored once`,
  ];
  let memoryFigures = null;
  if (soak) {
    const slopePerMin = linearSlope(memory.map((point) => ({ x: point.seconds / 60, y: point.rssMiB })));
    const rss = memory.map((point) => point.rssMiB);
    memoryFigures = { samples: memory.length, firstMiB: rss[0], lastMiB: rss.at(-1), maxMiB: Math.max(...rss), slopeMiBPerMin: Math.round(slopePerMin * 100) / 100 };
    const csv = path.join(outDir, `soak-rss-${stamp}.csv`);
    fs.writeFileSync(csv, `seconds,rss_mib\n${memory.map((point) => `${point.seconds.toFixed(1)},${point.rssMiB}`).join("\n")}\n`);
    lines.push(`memory (next-server pid ${server.pid}, VmRSS every ${values["sample-every"]} s): first ${memoryFigures.firstMiB} MiB, last ${memoryFigures.lastMiB} MiB, max ${memoryFigures.maxMiB} MiB, slope ${memoryFigures.slopeMiBPerMin} MiB/min over ${memory.length} samples; curve in ${path.relative(process.cwd(), csv)}`);
  }
  const report = path.join(outDir, `answer-${figures.kind}-${stamp}.json`);
  fs.writeFileSync(report, `${JSON.stringify({ ...figures, isolation, doubleSubmit: doubles, memory: memoryFigures, curve: soak ? memory : undefined }, null, 2)}\n`);
  lines.push(`saved: ${path.relative(process.cwd(), report)}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  const clean = isolation.foreign === 0 && isolation.duplicates === 0 && isolation.missing === 0 && doubles.storedOnce === doubles.pairs;
  process.exitCode = clean ? 0 : 1;
} finally {
  await server.stop();
}
