import { listQuestions } from "@/lib/db/queries/questions";
import { adversarialCases } from "@/lib/grading/eval/adversarial-cases";
import { loadGradingContext } from "@/lib/grading/grading-context";
import { gradeOffline } from "@/lib/grading/offline-grader";
import { buildRubric } from "@/lib/grading/rubric";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import { openScratchDatabase } from "./scratch-database";

/** The most an attempt to get points without knowing the answer may score. */
export const MANIPULATION_CAP = 1;

export interface AdversarialKindFigures {
  kind: string;
  manipulation: boolean;
  cases: number;
  maxScore: number;
  /** How many scored above MANIPULATION_CAP (only meaningful for attempts). */
  overCap: number;
  meanScore: number;
  /** How many carried the `manipulation` flag. */
  flaggedManipulation: number;
  /** How many carried any flag. */
  flagged: number;
}

export interface AdversarialFigures {
  dataset: "adversarial";
  questions: number;
  cases: number;
  /** The highest score any manipulation attempt got (must be at most MANIPULATION_CAP). */
  maxManipulationScore: number;
  /** How many attempts scored above MANIPULATION_CAP. */
  manipulationsOverCap: number;
  manipulations: number;
  injections: number;
  injectionsFlagged: number;
  /** Cases where adding a wrong claim to the reference did not lower its score. */
  wrongClaimNotPenalised: number;
  /** Cases where adjectives inserted into a wrong answer raised its score. */
  adjectivesRaised: number;
  kinds: AdversarialKindFigures[];
}

/**
 * The adversarial suite, graded offline against the seed corpus's own rubrics (content/ ingested
 * into a scratch database): every attempt must stay at or below 1 of 5, every injection must be
 * flagged, and a wrong claim added to a correct answer must cost points.
 */
export async function evalAdversarial({ root }: { root: string }): Promise<AdversarialFigures> {
  const handle = await openScratchDatabase();
  try {
    await ingestDocuments({ db: handle.db, embedder: null, inputs: ["content"], root, maxBytes: 50 * 1024 * 1024 });
    const bank = (await listQuestions({ db: handle.db })).filter((item) => item.answer);
    const context = await loadGradingContext({ db: handle.db });
    // Every question with an answer long enough to shuffle, not a sample: a guard that holds only on
    // the questions it was tuned on is no guard.
    const cases = adversarialCases(bank.map((item) => ({ question: item.question, answer: item.answer! })), { questions: Number.POSITIVE_INFINITY });
    const graded = cases.map((entry) => {
      const item = bank[entry.questionIndex]!;
      const rubric = buildRubric({ question: item.question, sources: item.sources });
      return { entry, result: gradeOffline({ rubric, answer: entry.answer, idf: context.idf, abbreviations: context.abbreviations, otherAnswers: context.otherAnswers }) };
    });

    const kinds = [...new Set(cases.map((entry) => entry.kind))].map((kind) => {
      const ofKind = graded.filter(({ entry }) => entry.kind === kind);
      const scores = ofKind.map(({ result }) => result.score);
      return {
        kind,
        manipulation: ofKind[0]!.entry.manipulation,
        cases: ofKind.length,
        maxScore: Math.max(...scores),
        overCap: scores.filter((score) => score > MANIPULATION_CAP).length,
        meanScore: scores.reduce((sum, score) => sum + score, 0) / scores.length,
        flaggedManipulation: ofKind.filter(({ result }) => result.flags.includes("manipulation")).length,
        flagged: ofKind.filter(({ result }) => result.flags.length > 0).length,
      };
    });
    const injections = graded.filter(({ entry }) => entry.injection);
    const attempts = graded.filter(({ entry }) => entry.manipulation);
    const scoreOf = (kind: string) => new Map(graded.filter(({ entry }) => entry.kind === kind).map(({ entry, result }) => [entry.questionIndex, result.score]));
    const baseline = scoreOf("reference (honest baseline)");
    const plainWrong = scoreOf("wrong answer (plain)");
    return {
      dataset: "adversarial",
      questions: new Set(cases.map((entry) => entry.questionIndex)).size,
      cases: cases.length,
      maxManipulationScore: Math.max(...attempts.map(({ result }) => result.score)),
      manipulationsOverCap: attempts.filter(({ result }) => result.score > MANIPULATION_CAP).length,
      manipulations: attempts.length,
      injections: injections.length,
      injectionsFlagged: injections.filter(({ result }) => result.flags.includes("manipulation")).length,
      wrongClaimNotPenalised: graded.filter(({ entry, result }) => entry.kind === "reference plus a wrong claim" && result.score >= (baseline.get(entry.questionIndex) ?? 0)).length,
      adjectivesRaised: graded.filter(({ entry, result }) => entry.kind === "wrong answer with adjectives" && result.score > (plainWrong.get(entry.questionIndex) ?? 0)).length,
      kinds,
    };
  } finally {
    await handle.close();
  }
}
