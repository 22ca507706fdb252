import { contentStems } from "./text-terms";

/** One unit of a reference answer that a good answer would cover. */
export interface KeyPointText {
  text: string;
  /** "example" for illustrations ("For example, ..."): they support a point but are not required. */
  kind: "point" | "example";
}

const FENCE = /^(```|~~~)/;
const BOILERPLATE = [
  /^(answer|solution|ans|explanation|source|reference|references|read more|see also|note)\s*[:.-]?\s*$/i,
  /^!\[[^\]]*\]\([^)]*\)$/, // an image on its own
  /^(https?:\/\/\S+|\[[^\]]*\]\([^)]*\))$/i, // a bare link
  /^(click here|image source|source:|credit:)/i,
  // Pointers to further reading are not something a candidate should be asked to say.
  /^(you can (learn|read|find)|to learn more|check out|read more|for more (details|information|on))\b/i,
];
const EXAMPLE = /^(for example|for instance|e\.g\.|example:|consider|suppose|say we|imagine|like in)\b/i;
/** Below this many content words a sentence is joined to its neighbour: "Yes." is not a key point. */
const MIN_CONTENT_WORDS = 3;

/**
 * Splits a reference answer into key points: list items and sentences of prose, with labels,
 * links and images dropped, code blocks left out (an interview answer explains code, it does not
 * recite it), display formulas kept with the sentence they belong to, and fragments too short to
 * be a point joined to the previous one.
 */
export function splitKeyPoints(answer: string): KeyPointText[] {
  const points: KeyPointText[] = [];
  for (const block of proseBlocks(answer)) {
    for (const sentence of sentences(block)) {
      const text = sentence.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "").replace(/\s+/g, " ").trim();
      if (!text || BOILERPLATE.some((pattern) => pattern.test(text))) continue;
      const previous = points[points.length - 1];
      if (previous && contentStems(text).length < MIN_CONTENT_WORDS) {
        previous.text = `${previous.text} ${text}`;
        continue;
      }
      points.push({ text, kind: EXAMPLE.test(text) ? "example" : "point" });
    }
  }
  // A first fragment too short to stand may have nothing before it to join: it goes with the next.
  if (points.length > 1 && contentStems(points[0]!.text).length < MIN_CONTENT_WORDS) {
    const [first, second] = points.splice(0, 2);
    points.unshift({ text: `${first!.text} ${second!.text}`, kind: second!.kind });
  }
  return points.filter((point, index) => contentStems(point.text).length > 0 && !isHeadingOf(point.text, points[index + 1]?.text));
}

/**
 * A title over the text that explains it ("Stochastic Gradient Descent" above "Stochastic gradient
 * descent updates ..."): a few words, no sentence's end, all of them in what follows. The point is
 * what follows; a list of bare titles, with nothing explaining them, stays.
 */
function isHeadingOf(text: string, next: string | undefined): boolean {
  const isTitle = (candidate: string) => !/[.!?:;]$/.test(candidate) && candidate.split(/\s+/).length <= 6;
  if (!next || !isTitle(text) || isTitle(next)) return false;
  const following = new Set(contentStems(next));
  return contentStems(text).every((stem) => following.has(stem));
}

/** Paragraphs and list items outside code fences; a `$$` formula block joins the paragraph before it. */
function proseBlocks(answer: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  let inFormula = false;
  const flush = () => {
    if (current.length) blocks.push(current.join(" "));
    current = [];
  };
  for (const raw of answer.split("\n")) {
    const line = raw.trim();
    if (FENCE.test(line)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence) continue;
    if (line.startsWith("$$")) inFormula = !(line.length > 2 && line.endsWith("$$")) && !inFormula;
    if (inFormula || line.startsWith("$$")) {
      if (blocks.length && !current.length) current.push(blocks.pop()!);
      current.push(line);
      continue;
    }
    if (!line || BOILERPLATE.some((pattern) => pattern.test(line))) {
      flush();
      continue;
    }
    if (/^(?:[-*+•]|\d+[.)])\s+/.test(line) || /^#{1,6}\s/.test(line) || /^\|/.test(line)) flush();
    current.push(line.replace(/^#{1,6}\s+/, "").replace(/^(answer|solution|ans)\s*[:.-]\s*/i, ""));
  }
  flush();
  return blocks;
}

/** Sentences of a block: a stop, then space, then a capital or digit; "e.g. the" and "0.5" do not end one. */
function sentences(block: string): string[] {
  const guarded = block.replace(/\b(e\.g|i\.e|etc|vs|approx|cf|fig|eq|resp)\./gi, (match) => match.replace(/\./g, "\u0000"));
  return guarded.split(/(?<=[.!?])\s+(?=["'(\[$]?[\p{Lu}\p{N}])/u).map((sentence) => sentence.replace(/\u0000/g, ".").trim());
}
