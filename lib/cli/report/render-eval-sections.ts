import type { AdversarialFigures } from "../eval/grading-adversarial";
import type { MohlerFigures } from "../eval/grading-mohler";
import type { SafFigures, ScientsBankFigures } from "../eval/grading-splits";
import type { MlQuestionsFigures } from "../eval/retrieval-mlquestions";
import type { SeedFigures } from "../eval/retrieval-seed";
import { note, num, section, table } from "./html";
import type { Sourced } from "./render-bench-sections";
import { barChart } from "./svg-chart";

const SPLITS: Record<string, string> = { test_ua: "unseen answers", test_uq: "unseen questions", test_ud: "unseen domains" };
const GRADING = "npm run -s cli -- eval grading --dataset";
const RETRIEVAL = "npm run -s cli -- eval retrieval --dataset";
const TIER = "Quality figures measured without an embedding model are those of the lexical tier.";

/** Mohler: Pearson r and RMSE of the offline grader, fitted and not, beside TF-IDF. */
export function mohlerSection(input?: Sourced<MohlerFigures>): string {
  const build = () => {
    const m = input!.figures;
    const row = (name: string, s?: { pearson: number; rmse: number }) => [name, num(s?.pearson, 3), num(s?.rmse, 3)];
    return [
      note(`${num(m.answers)} answers, ${num(m.assignments)} assignments, against the average of two human graders (0–5). ${TIER} Published: Mohler 2011 r 0.518; Sultan 2016 r 0.592; the two graders agree at r 0.597.`),
      table(["grader", "Pearson r", "RMSE"], [row("offline grader as shipped", m.offline), row("+ calibration fitted leaving each assignment out", m.offlineCalibrated), row("plain TF-IDF cosine + linear map (baseline)", m.tfidf)]),
    ].join("\n");
  };
  return section({ id: "eval-mohler", title: "Grading quality: Mohler", source: input?.source, body: input ? build() : undefined, missing: `${GRADING} mohler` });
}

/** SciEntsBank 2-way: accuracy and macro-F1 per split. */
export function scientsbankSection(input?: Sourced<ScientsBankFigures>): string {
  const build = () => {
    const s = input!.figures;
    const rows = s.splits.flatMap((split) => {
      const name = SPLITS[split.split] ?? split.split;
      const row = (grader: string, v?: { accuracy: number; macroF1: number }) => [`${name}: ${grader}`, num(v?.accuracy, 3), num(v?.macroF1, 3)];
      return [row("offline grader as shipped", split.offline), row("offline grader + logistic map", split.offlineFitted), row("plain TF-IDF + logistic map (baseline)", split.tfidf), row("every answer called incorrect", split.majority)];
    });
    return [
      note(`SemEval-2013, ${num(s.train)} train answers for anything fitted. ${TIER}`),
      table(["split: grader", "accuracy", "macro-F1"], rows),
      barChart({ title: "SciEntsBank macro-F1", series: ["offline grader", "TF-IDF (baseline)"], groups: s.splits.map((split) => ({ label: SPLITS[split.split] ?? split.split, values: [split.offline?.macroF1, split.tfidf?.macroF1] })), unit: "", digits: 3 }),
    ].join("\n");
  };
  return section({ id: "eval-scientsbank", title: "Grading quality: SciEntsBank", source: input?.source, body: input ? build() : undefined, missing: `${GRADING} scientsbank` });
}

/** SAF: Pearson r and RMSE per split. */
export function safSection(input?: Sourced<SafFigures>): string {
  const build = () => {
    const s = input!.figures;
    const rows = s.splits.flatMap((split) => {
      const name = SPLITS[split.split] ?? split.split;
      const row = (grader: string, v?: { pearson: number; rmse: number }) => [`${name}: ${grader}`, num(v?.pearson, 3), num(v?.rmse, 3)];
      return [row("offline grader as shipped (score / 5)", split.offline), row("offline grader + linear map", split.offlineFitted), row("plain TF-IDF + linear map (baseline)", split.tfidf)];
    });
    return [note(`SAF English, scores 0–1, ${num(s.train)} train answers for anything fitted. ${TIER}`), table(["split: grader", "Pearson r", "RMSE"], rows)].join("\n");
  };
  return section({ id: "eval-saf", title: "Grading quality: SAF", source: input?.source, body: input ? build() : undefined, missing: `${GRADING} saf` });
}

/** Pearson r of the offline grader against TF-IDF on every dataset that reports one. */
export function correlationChart(mohler?: MohlerFigures, saf?: SafFigures): string {
  const groups = [
    ...(mohler ? [{ label: "Mohler", values: [mohler.offline?.pearson, mohler.tfidf?.pearson] }] : []),
    ...(saf?.splits ?? []).map((split) => ({ label: `SAF ${SPLITS[split.split] ?? split.split}`, values: [split.offline?.pearson, split.tfidf?.pearson] })),
  ];
  return groups.length ? barChart({ title: "Pearson r against human grades", series: ["offline grader as shipped", "TF-IDF (baseline)"], groups, unit: "", digits: 3 }) : "";
}

/** The adversarial suite: the highest score of any attempt, per kind. */
export function adversarialSection(input?: Sourced<AdversarialFigures>): string {
  const build = () => {
    const a = input!.figures;
    const rows = a.kinds.map((kind) => [kind.kind, num(kind.cases), num(kind.maxScore, 1), num(kind.meanScore, 2), kind.manipulation ? num(kind.overCap) : "–", num(kind.flagged)]);
    return [
      note(`${num(a.cases)} answers over ${num(a.questions)} questions of content/, graded offline. The highest score of any manipulation attempt: ${num(a.maxManipulationScore, 1)} of 5; ${num(a.manipulationsOverCap)} of ${num(a.manipulations)} attempts above 1; injections flagged: ${num(a.injectionsFlagged)} of ${num(a.injections)}. A wrong claim added to the reference did not lower its score in ${num(a.wrongClaimNotPenalised)} questions; adjectives raised a wrong answer's score in ${num(a.adjectivesRaised)}.`),
      table(["kind", "cases", "max score", "mean score", "above 1", "flagged"], rows),
    ].join("\n");
  };
  return section({ id: "eval-adversarial", title: "Grading quality: adversarial suite", source: input?.source, body: input ? build() : undefined, missing: `${GRADING} adversarial` });
}

/** Retrieval quality of each system (plain BM25 among them as the baseline). */
export function retrievalSection(dataset: "mlquestions" | "seed", input?: Sourced<MlQuestionsFigures | SeedFigures>): string {
  const ks = dataset === "seed" ? [1, 5] : [1, 5, 20];
  const build = () => {
    const f = input!.figures;
    const systems = Object.entries(f.systems);
    const rows = systems.map(([name, m]) => [name, ...ks.map((k) => num(m.hitAt?.[k], 3)), num(m.mrr, 3), num(m.ms / Math.max(1, f.queries), 1)]);
    const header = f.dataset === "seed" ? `${num(f.queries)} paraphrased queries over ${num(f.questions)} questions of content/.` : `MLQuestions ${f.split}: ${num(f.queries)} questions over ${num(f.passages)} passages.`;
    return [
      note(`${header} Baseline: plain BM25 computed in the same command. ${TIER}`),
      table(["system", ...ks.map((k) => (dataset === "seed" ? `recall@${k}` : `top-${k}`)), dataset === "seed" ? "MRR@10" : "MRR@20", "ms/query"], rows),
      barChart({ title: `${dataset === "seed" ? "Seed paraphrases" : "MLQuestions"}: MRR`, series: ["MRR"], groups: systems.map(([name, m]) => ({ label: name, values: [m.mrr] })), unit: "", digits: 3 }),
    ].join("\n");
  };
  const title = dataset === "seed" ? "Retrieval quality: seed paraphrases" : "Retrieval quality: MLQuestions";
  return section({ id: `eval-${dataset}`, title, source: input?.source, body: input ? build() : undefined, missing: `${RETRIEVAL} ${dataset}` });
}
