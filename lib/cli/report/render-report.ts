import type { EmbeddingBench } from "../bench/bench-embedding";
import type { OfflineGradingBench } from "../bench/bench-grading";
import type { IngestBench } from "../bench/bench-ingest";
import type { LlmOverheadBench } from "../bench/bench-llm";
import type { PageBench } from "../bench/bench-page";
import type { SearchBench } from "../bench/bench-search";
import type { AdversarialFigures } from "../eval/grading-adversarial";
import type { MohlerFigures } from "../eval/grading-mohler";
import type { SafFigures, ScientsBankFigures } from "../eval/grading-splits";
import type { MlQuestionsFigures } from "../eval/retrieval-mlquestions";
import type { SeedFigures } from "../eval/retrieval-seed";
import { escapeHtml, num, table, times } from "./html";
import { embeddingSection, gradingLatencySection, ingestSection, llmSection, pageSection, searchSection, type Sourced } from "./render-bench-sections";
import { adversarialSection, correlationChart, mohlerSection, retrievalSection, safSection, scientsbankSection } from "./render-eval-sections";

/** The latest figures of each kind, each with the command and machine that produced it. */
export interface ReportInput {
  generatedAt: string;
  bench: {
    ingest?: Sourced<IngestBench>;
    embedding?: Sourced<EmbeddingBench | { skipped: string }>;
    grading?: Sourced<OfflineGradingBench>;
    llm?: Sourced<LlmOverheadBench>;
    page?: Sourced<PageBench>;
    search?: Sourced<SearchBench[]>;
  };
  grading: { mohler?: Sourced<MohlerFigures>; scientsbank?: Sourced<ScientsBankFigures>; saf?: Sourced<SafFigures>; adversarial?: Sourced<AdversarialFigures> };
  retrieval: { mlquestions?: Sourced<MlQuestionsFigures>; seed?: Sourced<SeedFigures> };
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1d1d1f; max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin-top: 1.6rem; }
table { border-collapse: collapse; margin: .8rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d0d0; padding: .25rem .6rem; text-align: left; vertical-align: top; } th { background: #f3f3f3; }
td.n { text-align: right; white-space: nowrap; }
code { background: #f3f3f3; padding: 0 .25rem; border-radius: 3px; font-size: .9em; }
.source { color: #555; font-size: .9em; } .note { color: #333; } .missing { color: #8a4b00; background: #fff6e5; padding: .5rem .7rem; border-radius: 4px; }
svg.chart { display: block; margin: .8rem 0 1.2rem; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg.chart text { fill: #1d1d1f; } svg.chart .title { font-weight: 600; font-size: 13px; } svg.chart .na { fill: #999; }
nav ul { columns: 2; padding-left: 1.2rem; }
.wide { overflow-x: auto; } .wide table { font-size: .92em; }
h2.part { border: 0; margin-top: 2.5rem; font-size: 1.4rem; }
`;

/**
 * The report: one self-contained HTML page (inline CSS and SVG, no script, no external asset) with
 * every figure beside its baseline, charts, and under each section the exact command and the
 * machine that produced it; a section without figures names the command that produces them.
 * Every piece of text from the figures is escaped. Pure.
 */
export function renderReport(input: ReportInput): string {
  const { bench, grading, retrieval } = input;
  const benchSections = [
    ingestSection(bench.ingest),
    embeddingSection(bench.embedding),
    searchSection(bench.search),
    gradingLatencySection(bench.grading),
    llmSection(bench.llm),
    pageSection(bench.page),
  ];
  const qualitySections = [
    correlationChart(grading.mohler?.figures, grading.saf?.figures),
    mohlerSection(grading.mohler),
    scientsbankSection(grading.scientsbank),
    safSection(grading.saf),
    adversarialSection(grading.adversarial),
    retrievalSection("seed", retrieval.seed),
    retrievalSection("mlquestions", retrieval.mlquestions),
  ];
  const sections = [...benchSections, ...qualitySections].join("\n");
  const contents = [...sections.matchAll(/<section id="([^"]+)">\n<h2>([^<]*)<\/h2>/g)].map(([, id, title]) => `<li><a href="#${id}">${title}</a></li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mock-interview coach: benchmarks and evaluation</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Benchmarks and evaluation</h1>
<p class="source">Report generated ${escapeHtml(input.generatedAt)} from the latest figures saved by <code>npm run -s cli -- bench</code> and <code>npm run -s cli -- eval</code>. Each figure stands beside a baseline measured in the same run: on a shared, noisy machine the ratio says more than either time.</p>
<nav><ul>${contents}</ul></nav>
${atAGlance(input)}
<h2 class="part">Speed</h2>
${benchSections.join("\n")}
<h2 class="part">Quality</h2>
${qualitySections.join("\n")}
</body>
</html>
`;
}

/** The headline figure of each part beside its baseline, for a person who reads one table only. */
function atAGlance({ bench, grading }: ReportInput): string {
  const rows: string[][] = [];
  const ingest = bench.ingest?.figures;
  if (ingest) rows.push(["ingestion of content/, questions/s", num(ingest.questionsPerSecond, 1), `parsing alone ${num(ingest.parseQuestionsPerSecond, 1)}`, times(ingest.ingestToParseRatio)]);
  if (ingest?.synthetic) rows.push([`ingestion of content/ ×${ingest.synthetic.copies}, questions/s`, num(ingest.synthetic.questionsPerSecond, 1), `parsing alone ${num(ingest.synthetic.parseQuestionsPerSecond, 1)}`, times(ingest.synthetic.ingestToParseRatio)]);
  const offline = bench.grading?.figures;
  if (offline) rows.push(["offline grading p50, ms", num(offline.offline?.p50, 3), `TF-IDF cosine ${num(offline.tfidf?.p50, 3)}`, times(offline.ratioP50, 1)]);
  const llm = bench.llm?.figures;
  if (llm) rows.push([`LLM grading p50 (endpoint ${num(llm.serverLatencyMs)} ms), ms`, num(llm.app?.p50, 2), `bare client ${num(llm.bareClient?.p50, 2)}`, times(llm.ratioP50, 3)]);
  const page = bench.page?.figures;
  if (page) rows.push(["interview page p50, ms", num(page.page?.p50, 2), `/api/health ${num(page.health?.p50, 2)}`, times(page.ratioP50)]);
  for (const result of bench.search?.figures ?? []) {
    rows.push([`vector search p50, ${result.engine} ${num(result.size)} chunks, ms (recall@10 ${num(result.recallAt10, 3)})`, num(result.vectorApprox?.p50, 2), `exact ${num(result.vectorExact?.p50, 2)}`, times(result.approxSpeedup)]);
  }
  const mohler = grading.mohler?.figures;
  if (mohler) rows.push(["Mohler Pearson r (lexical tier unless a model was present)", num(mohler.offline?.pearson, 3), `TF-IDF ${num(mohler.tfidf?.pearson, 3)}`, times((mohler.offline?.pearson ?? NaN) / (mohler.tfidf?.pearson ?? NaN))]);
  if (rows.length === 0) return "";
  return `<h2 class="part">At a glance</h2>\n${table(["figure", "value", "baseline", "ratio"], rows)}`;
}
