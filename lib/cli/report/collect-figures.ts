import type { FigureSource } from "./html";
import type { ReportInput } from "./render-report";

/** A saved file: its command, machine and figures (see saved-reports.ts). */
type Saved = FigureSource & Record<string, unknown>;

/**
 * The newest figures of each kind, from saved files given newest first: a `bench --only search`
 * run after a full bench replaces the search figures and leaves the others as they were.
 */
export function collectFigures({ bench, grading, retrieval, generatedAt }: { bench: readonly Saved[]; grading: readonly Saved[]; retrieval: readonly Saved[]; generatedAt: string }): ReportInput {
  const source = (saved: Saved): FigureSource => ({ command: saved.command, machine: saved.machine ?? {}, ...(saved.file ? { file: saved.file } : {}) });
  const input: ReportInput = { generatedAt, bench: {}, grading: {}, retrieval: {} };
  const benchParts = ["ingest", "embedding", "grading", "llm", "page", "search"] as const;
  for (const part of benchParts) {
    const saved = bench.find((file) => file[part] !== undefined && file[part] !== null);
    if (saved) (input.bench as Record<string, unknown>)[part] = { figures: saved[part], source: source(saved) };
  }
  const pick = (files: readonly Saved[], key: "grading" | "retrieval", dataset: string) => {
    for (const saved of files) {
      const found = (Array.isArray(saved[key]) ? (saved[key] as { dataset?: string }[]) : []).find((figures) => figures?.dataset === dataset);
      if (found) return { figures: found, source: source(saved) };
    }
    return undefined;
  };
  for (const dataset of ["mohler", "scientsbank", "saf", "adversarial"] as const) {
    const found = pick(grading, "grading", dataset);
    if (found) (input.grading as Record<string, unknown>)[dataset] = found;
  }
  for (const dataset of ["mlquestions", "seed"] as const) {
    const found = pick(retrieval, "retrieval", dataset);
    if (found) (input.retrieval as Record<string, unknown>)[dataset] = found;
  }
  return input;
}
