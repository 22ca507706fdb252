import path from "node:path";
import { parseArgs } from "node:util";
import { getEmbedder } from "@/lib/embeddings";
import { AppError } from "@/lib/errors";
import { evalAdversarial, MANIPULATION_CAP, type AdversarialFigures } from "./eval/grading-adversarial";
import { evalMohler, type MohlerFigures } from "./eval/grading-mohler";
import { evalSaf, evalScientsBank, PASS_SCORE, type SafFigures, type ScientsBankFigures } from "./eval/grading-splits";
import { evalMlQuestions, type MlQuestionsFigures } from "./eval/retrieval-mlquestions";
import { evalSeedParaphrases, type SeedFigures } from "./eval/retrieval-seed";
import { createProgressBar } from "./progress-bar";
import { commandLine, describeMachine, saveFigures } from "./report/saved-reports";

const RETRIEVAL_DATASETS = ["mlquestions", "seed", "all"] as const;
const GRADING_DATASETS = ["mohler", "scientsbank", "saf", "adversarial", "all"] as const;
type GradingFigures = MohlerFigures | ScientsBankFigures | SafFigures | AdversarialFigures;

/**
 * `eval retrieval [--dataset mlquestions|seed|all] [--split test|dev] [--data DIR] [--json]`: the
 * retriever's quality beside plain BM25, measured in the same run. Figures of the lexical tier are
 * quality figures; a hybrid row appears only when an embedding model is present.
 */
export async function runEval(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      dataset: { type: "string", default: "all" },
      split: { type: "string", default: "test" },
      data: { type: "string", default: path.join("..", "shared", "datasets", "mlquestions") },
      json: { type: "boolean", default: false },
      fit: { type: "boolean", default: false },
    },
  });
  const [kind] = positionals;
  if (kind === "grading") return runGradingEval(values, args);
  if (kind !== "retrieval") {
    throw new AppError("bad_request", `Usage: eval retrieval [--dataset ${RETRIEVAL_DATASETS.join("|")}] [--split test|dev] [--data DIR] [--json]`);
  }
  const dataset = values.dataset as (typeof RETRIEVAL_DATASETS)[number];
  if (!RETRIEVAL_DATASETS.includes(dataset)) throw new AppError("bad_request", `--dataset takes ${RETRIEVAL_DATASETS.join(", ")}, not "${values.dataset}".`);
  if (values.split !== "test" && values.split !== "dev") throw new AppError("bad_request", `--split takes test or dev, not "${values.split}".`);

  const loaded = await getEmbedder();
  if (loaded.status.tier === "lexical") process.stderr.write(`${loaded.status.notice}\n`);
  const figures: (MlQuestionsFigures | SeedFigures)[] = [];
  if (dataset === "seed" || dataset === "all") {
    process.stderr.write("Seed paraphrases: ingesting content/ into a scratch database...\n");
    figures.push(await evalSeedParaphrases({ root: process.cwd(), embedder: loaded.embedder }));
  }
  if (dataset === "mlquestions" || dataset === "all") {
    const bar = createProgressBar("MLQuestions");
    figures.push(
      await evalMlQuestions({ dir: path.resolve(values.data), split: values.split, embedder: loaded.embedder, onProgress: (done, total, label) => bar.update(done, total, label) }),
    );
    bar.finish();
  }
  await save(`eval-retrieval-${dataset}`, args, { split: values.split, retrieval: figures.map(withoutRanks) });
  process.stdout.write(values.json ? `${JSON.stringify({ retrieval: figures.map(withoutRanks) })}\n` : figures.map(formatFigures).join("\n"));
  return 0;
}

async function runGradingEval(values: { dataset: string; json: boolean; fit: boolean }, args: string[]): Promise<number> {
  const dataset = values.dataset;
  if (!(GRADING_DATASETS as readonly string[]).includes(dataset)) {
    throw new AppError("bad_request", `eval grading --dataset takes ${GRADING_DATASETS.join(", ")}, not "${values.dataset}".`);
  }
  const results: GradingFigures[] = [];
  const datasetsDir = path.join("..", "shared", "datasets");
  const wanted = (name: string) => dataset === name || dataset === "all";
  if (wanted("mohler")) {
    process.stderr.write("Mohler: grading 2,273 answers offline, calibration refitted leaving each assignment out...\n");
    results.push(await evalMohler({ datasetsDir }));
  }
  if (wanted("scientsbank")) {
    process.stderr.write("SciEntsBank: grading 10,804 answers offline; anything fitted is fitted on train...\n");
    results.push(await evalScientsBank({ datasetsDir }));
  }
  if (wanted("saf")) {
    process.stderr.write("SAF: grading 2,112 answers offline; anything fitted is fitted on train...\n");
    results.push(await evalSaf({ datasetsDir }));
  }
  if (wanted("adversarial")) {
    process.stderr.write("Adversarial suite: ingesting content/ into a scratch database and grading the attempts offline...\n");
    results.push(await evalAdversarial({ root: process.cwd() }));
  }
  await save(`eval-grading-${dataset}`, args, { grading: results });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ grading: results })}\n`);
    return 0;
  }
  for (const figures of results) process.stdout.write(formatGrading(figures));
  const mohler = results.find((figures): figures is MohlerFigures => figures.dataset === "mohler");
  if (values.fit && mohler) process.stdout.write(`\nCalibration fitted on all answers (for lib/grading/calibration.ts):\n${JSON.stringify(mohler.calibration, null, 2)}\n`);
  return 0;
}

/** Saves the figures for `report` (`$DATA_DIR/reports/<name>-<time>.json`); says where on stderr. */
async function save(name: string, args: string[], figures: Record<string, unknown>): Promise<void> {
  const file = await saveFigures(name, { command: commandLine("eval", args), machine: describeMachine(), ...figures });
  process.stderr.write(`Figures saved to ${file}.\n`);
}

function formatAdversarial(figures: AdversarialFigures): string {
  const rows = figures.kinds.map(
    (kind) =>
      `  ${kind.kind.padEnd(36)} ${String(kind.cases).padStart(5)} ${kind.maxScore.toFixed(1).padStart(7)} ${kind.meanScore.toFixed(2).padStart(7)} ${(kind.manipulation ? String(kind.overCap) : "-").padStart(7)} ${String(kind.flagged).padStart(8)}`,
  );
  return [
    `Adversarial suite: ${figures.cases} answers over ${figures.questions} questions of content/ (offline grader)`,
    `  ${"".padEnd(36)} ${"cases".padStart(5)} ${"max".padStart(7)} ${"mean".padStart(7)} ${`> ${MANIPULATION_CAP}`.padStart(7)} ${"flagged".padStart(8)}`,
    ...rows,
    `  highest score of any manipulation attempt: ${figures.maxManipulationScore} / 5; ${figures.manipulationsOverCap} of ${figures.manipulations} attempts above ${MANIPULATION_CAP}; injections flagged: ${figures.injectionsFlagged} of ${figures.injections}`,
    `  a wrong claim added to the reference did not lower its score in ${figures.wrongClaimNotPenalised} of ${figures.questions} questions`,
    `  adjectives inserted into a wrong answer raised its score in ${figures.adjectivesRaised} of ${figures.questions} questions`,
    "",
  ].join("\n");
}

function formatGrading(figures: GradingFigures): string {
  switch (figures.dataset) {
    case "mohler":
      return formatMohler(figures);
    case "scientsbank":
      return formatScientsBank(figures);
    case "saf":
      return formatSaf(figures);
    case "adversarial":
      return formatAdversarial(figures);
  }
}

const SPLIT_NAMES: Record<string, string> = { test_ua: "unseen answers", test_uq: "unseen questions", test_ud: "unseen domains" };

function formatMohler(figures: MohlerFigures): string {
  const row = (name: string, summary: { pearson: number; rmse: number }) => `  ${name.padEnd(52)} ${summary.pearson.toFixed(3).padStart(9)} ${summary.rmse.toFixed(3).padStart(9)}`;
  return [
    `Mohler: ${figures.answers} answers, ${figures.assignments} assignments, against the graders' average`,
    `  ${"".padEnd(52)} ${"Pearson r".padStart(9)} ${"RMSE".padStart(9)}`,
    row("offline grader as shipped (lexical tier, nothing fitted)", figures.offline),
    row("  + calibration fitted leaving each assignment out", figures.offlineCalibrated),
    row("plain TF-IDF cosine + linear map (same folds)", figures.tfidf),
    "  published: Mohler 2011 r 0.518 (RMSE 0.978); Sultan 2016 r 0.592 (RMSE 0.887); the two graders agree at r 0.597",
    "",
  ].join("\n");
}

function formatScientsBank(figures: ScientsBankFigures): string {
  const cell = (summary: { accuracy: number; macroF1: number }) => `${summary.accuracy.toFixed(3).padStart(9)} ${summary.macroF1.toFixed(3).padStart(9)}`;
  const lines = [`SciEntsBank 2-way (SemEval-2013): ${figures.train} train answers for anything fitted`];
  for (const split of figures.splits) {
    lines.push(`  ${`${SPLIT_NAMES[split.split] ?? split.split} (${split.answers} answers)`.padEnd(52)} ${"accuracy".padStart(9)} ${"macro-F1".padStart(9)}`);
    lines.push(`    ${`offline grader as shipped (correct at >= ${PASS_SCORE})`.padEnd(50)} ${cell(split.offline)}`);
    lines.push(`    ${"offline grader + logistic map fitted on train".padEnd(50)} ${cell(split.offlineFitted)}`);
    lines.push(`    ${"plain TF-IDF cosine + logistic map".padEnd(50)} ${cell(split.tfidf)}`);
    lines.push(`    ${"every answer called incorrect".padEnd(50)} ${cell(split.majority)}`);
  }
  return `${lines.join("\n")}\n`;
}

function formatSaf(figures: SafFigures): string {
  const cell = (summary: { pearson: number; rmse: number }) => `${summary.pearson.toFixed(3).padStart(9)} ${summary.rmse.toFixed(3).padStart(9)}`;
  const lines = [`SAF English (scores 0-1): ${figures.train} train answers for anything fitted`];
  for (const split of figures.splits) {
    lines.push(`  ${`${SPLIT_NAMES[split.split] ?? split.split} (${split.answers} answers)`.padEnd(52)} ${"Pearson r".padStart(9)} ${"RMSE".padStart(9)}`);
    lines.push(`    ${"offline grader as shipped (score / 5)".padEnd(50)} ${cell(split.offline)}`);
    lines.push(`    ${"offline grader + linear map fitted on train".padEnd(50)} ${cell(split.offlineFitted)}`);
    lines.push(`    ${"plain TF-IDF cosine + linear map".padEnd(50)} ${cell(split.tfidf)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Per-query ranks are for paired comparisons in code, not for the printed summary. */
function withoutRanks<T extends { systems: Record<string, { ranks?: unknown }> }>(figures: T): T {
  const systems = Object.fromEntries(Object.entries(figures.systems).map(([name, { ranks: _ranks, ...rest }]) => [name, rest]));
  return { ...figures, systems };
}

function formatFigures(figures: MlQuestionsFigures | SeedFigures): string {
  const isSeed = figures.dataset === "seed";
  const header = isSeed
    ? `Seed paraphrases: ${figures.queries} queries over ${figures.questions} questions (content/)`
    : `MLQuestions ${figures.split}: ${figures.queries} questions over ${figures.passages} passages`;
  const columns = isSeed ? ["recall@1", "recall@5", "MRR@10"] : ["top-1", "top-5", "top-20", "MRR@20"];
  const rows = Object.entries(figures.systems).map(([name, metrics]) => {
    const values = isSeed ? [metrics.hitAt[1], metrics.hitAt[5], metrics.mrr] : [metrics.hitAt[1], metrics.hitAt[5], metrics.hitAt[20], metrics.mrr];
    const ms = `${(metrics.ms / figures.queries).toFixed(1)} ms/query`;
    return `  ${name.padEnd(34)} ${values.map((value) => (value ?? 0).toFixed(3).padStart(9)).join("")}   ${ms}`;
  });
  return `${header}\n  ${"".padEnd(34)} ${columns.map((column) => column.padStart(9)).join("")}\n${rows.join("\n")}\n`;
}
