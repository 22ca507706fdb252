import { getEmbedder, getEmbeddingSettings } from "@/lib/embeddings";
import { benchEmbedding, type EmbeddingBench } from "./bench/bench-embedding";
import { benchIngest, CONTENT_FOLDER } from "./bench/bench-ingest";

/**
 * `bench [--json] [--runs N]`: measures the product on this machine. Every figure comes with a
 * baseline run side by side in the same process, because absolute times here are noisy.
 */
export async function runBench(args: string[]): Promise<number> {
  const runsIndex = args.indexOf("--runs");
  const runs = runsIndex >= 0 ? Math.max(1, Number(args[runsIndex + 1]) || 3) : 3;
  const root = process.cwd();

  process.stderr.write(`Benchmarking ingestion of ${CONTENT_FOLDER}/ (${runs} runs each, lexical tier)...\n`);
  const ingest = await benchIngest({ root, folder: CONTENT_FOLDER, embedder: null, runs });

  const loaded = await getEmbedder();
  let embedding: EmbeddingBench | { skipped: string } = { skipped: loaded.status.tier === "lexical" ? loaded.status.notice : "" };
  const settings = getEmbeddingSettings();
  if (loaded.embedder && settings.backend === "local") {
    process.stderr.write(`Benchmarking the embedding path with ${loaded.embedder.modelId}...\n`);
    embedding = await benchEmbedding({
      embedder: loaded.embedder,
      settings,
      root,
      folder: CONTENT_FOLDER,
      runs,
    });
  }

  const report = { ingest, embedding };
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(
      `Ingestion (${ingest.documents} documents, ${ingest.questions} questions, lexical tier, fresh in-memory PGlite):\n` +
        `  full ingestion ${ingest.ingestMs} ms vs parsing alone ${ingest.parseOnlyMs} ms: ratio ${ingest.ingestToParseRatio}\n` +
        `  re-ingesting unchanged documents: ${ingest.reingestUnchangedMs} ms\n` +
        ("skipped" in embedding
          ? `Embedding path: skipped (${embedding.skipped || "not a local model"})\n`
          : `Embedding path (${embedding.modelId}, ${embedding.dims} dims, ${embedding.texts} texts):\n` +
            `  Embedder ${embedding.embedderMs} ms vs bare transformers.js loop ${embedding.bareLoopMs} ms: overhead ratio ${embedding.overheadRatio}\n`),
    );
  }
  return 0;
}
