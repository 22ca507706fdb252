import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { collectFigures } from "./report/collect-figures";
import { renderReport } from "./report/render-report";
import { loadSaved, reportsDir } from "./report/saved-reports";

/**
 * `report [--out FILE]`: writes a self-contained HTML report of the latest saved bench and eval
 * figures (default `$DATA_DIR/reports/report.html`) and prints the path it wrote on stdout.
 */
export async function runReport(args: string[]): Promise<number> {
  let values: { out?: string };
  try {
    values = parseArgs({ args, options: { out: { type: "string" } } }).values;
  } catch (error) {
    throw new AppError("bad_request", error instanceof Error ? error.message : String(error));
  }
  const dir = reportsDir();
  const [bench, grading, retrieval] = await Promise.all([loadSaved("bench-", dir), loadSaved("eval-grading-", dir), loadSaved("eval-retrieval-", dir)]);
  if (bench.length + grading.length + retrieval.length === 0) {
    process.stderr.write(`No saved figures in ${dir} yet: every section will say which command produces its figures.\n`);
  }
  const html = renderReport(collectFigures({ bench, grading, retrieval, generatedAt: new Date().toISOString() }));
  const out = path.resolve(values.out ?? path.join(dir, "report.html"));
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, html);
  process.stdout.write(`${out}\n`);
  return 0;
}
