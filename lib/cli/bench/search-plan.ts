import fs from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { discoverDocuments } from "@/lib/ingest/discover-documents";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { SearchBenchCase } from "./bench-search";
import { vocabularyFromTexts } from "./synthetic-corpus";

/**
 * Which search benchmarks to run: `--search-sizes pglite:10000,postgres:1e6` when given, otherwise
 * PGlite at 10k and 100k chunks, and PostgreSQL at 100k and 1M when a PostgreSQL URL is configured.
 */
export function searchPlan({ sizes, postgresConfigured }: { sizes?: string; postgresConfigured: boolean }): SearchBenchCase[] {
  if (!sizes) {
    const plan: SearchBenchCase[] = [
      { engine: "pglite", size: 10_000 },
      { engine: "pglite", size: 100_000 },
    ];
    if (postgresConfigured) plan.push({ engine: "postgres", size: 100_000 }, { engine: "postgres", size: 1_000_000 });
    return plan;
  }
  return sizes.split(",").map((item) => {
    const [engine, size] = item.trim().split(":");
    const count = Number(size?.replace(/_/g, "").replace(/k$/i, "e3").replace(/m$/i, "e6"));
    if ((engine !== "pglite" && engine !== "postgres") || !Number.isInteger(count) || count < 100) {
      throw new AppError("bad_request", `--search-sizes takes engine:chunks pairs such as pglite:10000,postgres:1m (at least 100 chunks), not "${item}".`);
    }
    if (engine === "postgres" && !postgresConfigured) throw new AppError("bad_request", "PostgreSQL search benchmarks need DATABASE_URL (a throwaway database is created next to it).");
    return { engine, size: count };
  });
}

/** The words of the seed documents' questions and answers, commonest first: the synthetic corpus's vocabulary. */
export async function seedVocabulary({ root, folder }: { root: string; folder: string }): Promise<string[]> {
  const { documents } = await discoverDocuments([folder], root);
  const texts: string[] = [];
  for (const document of documents) {
    const parsed = await parseDocument(new Uint8Array(await fs.readFile(document.absolutePath)));
    for (const question of parsed.questions) texts.push(question.question, question.answer ?? "");
  }
  return vocabularyFromTexts(texts);
}
