import { splitKeyPoints } from "./split-key-points";
import { contentStems } from "./text-terms";

/** Where a reference answer comes from: a document and the 1-based line of its question there. */
export interface Citation {
  document: string;
  line: number;
}

export interface KeyPoint {
  id: number;
  text: string;
  kind: "point" | "example";
  /** Share of the score this point carries; the weights of a rubric sum to 1. */
  weight: number;
  /** Every source that makes this point (merged duplicates cite each). */
  citations: Citation[];
}

export interface Rubric {
  question: string;
  keyPoints: KeyPoint[];
  citations: Citation[];
  /**
   * Every source's whole answer, points left out by MAX_POINTS included: what a jumble of "the
   * reference's words" may be drawn from.
   */
  referenceText: string;
}

export interface ReferenceSource extends Citation {
  answer: string | null;
}

/** More points than this and an interview answer could never cover them: the least important go. */
const MAX_POINTS = 8;
/** Points whose content words overlap this much say the same thing (two documents, one fact). */
const SAME_POINT_OVERLAP = 0.7;
/** Reference answers tend to lead with the definition; later sentences add detail. */
const POSITION_DECAY = 0.85;
const EXAMPLE_WEIGHT = 0.35;

/**
 * A question's rubric: every source's reference answer split into key points, the same point from
 * several documents kept once (citing each), weighted by position (leading statements matter most)
 * and kind (examples support, they are not required), capped, and normalised to sum to 1.
 */
export function buildRubric({ question, sources }: { question: string; sources: ReferenceSource[] }): Rubric {
  const candidates: (Omit<KeyPoint, "id" | "weight"> & { importance: number; stems: Set<string> })[] = [];
  for (const source of sources) {
    if (!source.answer?.trim()) continue;
    const citation = { document: source.document, line: source.line };
    splitKeyPoints(source.answer).forEach((point, index) => {
      const stems = new Set(contentStems(point.text));
      const importance = (point.kind === "example" ? EXAMPLE_WEIGHT : 1) * POSITION_DECAY ** index;
      // Only another source can repeat a point: within one answer, two sentences on the same terms
      // ("SGD uses one example", "mini-batch is a variation of SGD") make two points.
      const same = candidates.find((candidate) => !candidate.citations.some((known) => sameCitation(known, citation)) && overlap(candidate.stems, stems) >= SAME_POINT_OVERLAP);
      if (same) {
        same.citations.push(citation);
        same.importance = Math.max(same.importance, importance);
        // The fuller wording says more of what the sources agree on.
        if (stems.size > same.stems.size) Object.assign(same, { text: point.text, kind: point.kind, stems });
        return;
      }
      candidates.push({ text: point.text, kind: point.kind, citations: [citation], importance, stems });
    });
  }
  const kept = [...candidates]
    .sort((a, b) => b.importance - a.importance)
    .slice(0, MAX_POINTS)
    .sort((a, b) => candidates.indexOf(a) - candidates.indexOf(b));
  const total = kept.reduce((sum, point) => sum + point.importance, 0) || 1;
  return {
    question,
    keyPoints: kept.map((point, id) => ({ id, text: point.text, kind: point.kind, weight: point.importance / total, citations: point.citations })),
    citations: sources.map(({ document, line }) => ({ document, line })),
    referenceText: sources.map((source) => source.answer ?? "").join("\n").trim(),
  };
}

function sameCitation(a: Citation, b: Citation): boolean {
  return a.document === b.document && a.line === b.line;
}

/** Overlap coefficient of two stem sets: |A ∩ B| / min(|A|, |B|). */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared++;
  return shared / Math.min(a.size, b.size);
}
