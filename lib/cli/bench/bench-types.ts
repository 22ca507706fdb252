import type { EmbeddingBench } from "./bench-embedding";
import type { OfflineGradingBench } from "./bench-grading";
import type { IngestBench } from "./bench-ingest";
import type { LlmOverheadBench } from "./bench-llm";
import type { PageBench } from "./bench-page";
import type { SearchBench } from "./bench-search";

export const BENCH_PARTS = ["ingest", "embedding", "grading", "llm", "page", "search"] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** What `bench --json` prints and saves: each part present when it ran. */
export interface BenchFigures {
  quick?: boolean;
  ingest?: IngestBench;
  embedding?: EmbeddingBench | { skipped: string };
  grading?: OfflineGradingBench;
  llm?: LlmOverheadBench;
  page?: PageBench;
  search?: SearchBench[];
}
