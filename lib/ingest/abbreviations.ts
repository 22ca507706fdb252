/**
 * Abbreviation definitions a corpus teaches itself ("Convolutional Neural Network (CNN)", "LSTM
 * (long short-term memory)", "RNN stands for Recurrent Neural Network"), after Schwartz & Hearst
 * (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text": the short
 * form's characters are matched right to left against the words before (or inside) the parentheses,
 * the first at a word start, and the long form holds at most min(|A| + 5, 2|A|) words, |A| being the
 * short form's letters and digits; only a comma-free, one-word parenthesis can be a short form.
 *
 * Refinements for precision. A short form must look like one: two capitals, or a capital and a digit
 * ("CNN", "ReLU", "Q1"), which turns away words, citations, numbers and formulas in parentheses. Of the
 * alignments that fit, the one that puts capitals on word initials and lower case inside words wins,
 * so "neural network training (NN)" gives "neural network" where the greedy original gives "network
 * training". When the long form has a word for each character, every capital must take an initial
 * ("doing Q learning (DQN)" is no definition). The long form ends next to the parenthesis (one stray
 * word allowed) or, inside it, starts within its first four words ("or", "short for", "i.e.").
 */

export interface AbbreviationPair {
  /** As written, a plural `s` dropped: `CNN` for "CNNs". */
  short: string;
  /** Lowercased, whitespace collapsed, so spellings that differ only in capitals are one pair. */
  long: string;
}

type Order = "long-first" | "short-first";
/** One way to place the short form's characters i.. in the long form. */
type Alignment = { score: number; missed: number; end: number };
/** A long-form character; `start`: S&H's word start (after a space or hyphen); `initial`: that or a camel-case capital. */
type Letter = { char: string; word: number; at: number; start: boolean; initial: boolean };

const ALNUM = /[\p{L}\p{N}]/u;
const SHORT_SHAPE = /^[A-Za-z0-9](?:[A-Za-z0-9.&/+'-]*[A-Za-z0-9])?$/;
// A long form stays inside its clause: sentence punctuation, a comma (as in the original), a spaced
// dash, a bracket or a table cell ends it.
const CLAUSE_END = /[.!?;:](?=\s|$)|,(?=\s|$)|\s[-–—]\s|—|[()[\]{}|]/g;
// "X stands for Y", "X, short for Y", "X is an acronym for Y": short-first without parentheses.
const EXPLICIT =
  /(?:^|[\s(])["']?([A-Za-z0-9][A-Za-z0-9.&/+'-]{1,10}?)["']?\s*,?\s+(?:which\s+|that\s+|is\s+an?\s+(?:abbreviation|acronym)\s+(?:that|which)\s+)?(?:stands\s+for|(?:is\s+)?short\s+for|is\s+(?:an?\s+)?(?:abbreviation|acronym)\s+(?:for|of))\s+(?=([^.;:()\n]{3,160}))/g;
// A digit in a short form may stand for a word: "Seq2Seq" is sequence-to-sequence.
const NUMBER_WORDS = new Map([["to", "2"], ["two", "2"], ["for", "4"], ["four", "4"]]);

/**
 * Lookup key for a short form: case-folded, a trailing plural `s` or `'s` dropped, so "CNNs", "cnns"
 * and "CNN" meet. Lossy on purpose ("GPS" keys as "gp"): apply it to both sides of a comparison.
 */
export function abbreviationKey(short: string): string {
  const folded = short.trim().toLowerCase();
  return /^(.{2,}?)(?:'s|(?<=[a-rt-z0-9])s)$/.exec(folded)?.[1] ?? folded;
}

/**
 * Every abbreviation the text defines, each (short form, long form) once, in order of first
 * definition. Markdown, HTML and LaTeX around the prose are read through; code and math are skipped.
 */
export function extractAbbreviations(text: string): AbbreviationPair[] {
  const found = new Map<string, AbbreviationPair>();
  for (const segment of segments(stripMarkup(text))) {
    for (const pair of definitionsIn(segment)) {
      const id = `${abbreviationKey(pair.short)}\u0000${pair.long}`;
      if (!found.has(id)) found.set(id, pair);
    }
  }
  return [...found.values()];
}

function stripMarkup(text: string): string {
  return (
    text
      // Code and math hold calls and groupings, f(x) or (1 - Y), that are not definitions.
      .replace(/```[\s\S]*?```|~~~[\s\S]*?~~~|<(script|style|code|pre)\b[\s\S]*?<\/\1>|\$\$[\s\S]*?\$\$|\\\[[\s\S]*?\\\]/gi, "\n")
      .replace(/\$[^$\n]{1,300}\$|\\\([^\n]*?\\\)/g, " ")
      .replace(/<\/?(?:p|br|div|li|ul|ol|h\d|tr|td|th|table|blockquote|hr)\b[^>]*>/gi, "\n")
      // Inline tags sit inside runs of words ("<u>Deep</u> Learning"): dropping them keeps words whole.
      .replace(/<\/?[a-z][^>]*>/gi, "")
      .replace(/&nbsp;|&#160;/g, " ").replace(/&amp;/g, "&")
      .replace(/&quot;|&#34;|[“”„«»]/g, '"').replace(/&#39;|&apos;|[‘’]/g, "'")
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
      .replace(/\*+|`+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, "")
  );
}

function segments(text: string): string[] {
  // Blank lines, list items, headings and table rows start anew; other line breaks are wrapping.
  return text
    .split(/\n\s*\n|\n(?=[ \t]*(?:[-+•>#|]|\d+[.)]\s))|(?<=[.!?:])[ \t]*\n/)
    .map((segment) => segment.replace(/\s+/g, " ").trim())
    .filter((segment) => segment.length > 0);
}

function* definitionsIn(segment: string): Generator<AbbreviationPair> {
  for (const match of segment.matchAll(/\(([^()]{1,160})\)/g)) {
    // A long form is at most 15 words: a bounded look back keeps long paragraphs linear.
    const before = segment.slice(Math.max(0, match.index - 400), match.index);
    const pair = longThenShort(before, match[1]!) ?? shortThenLong(lastToken(before), match[1]!);
    if (pair) yield pair;
  }
  for (const match of segment.matchAll(EXPLICIT)) {
    const pair = shortThenLong(match[1]!, match[2]!);
    if (pair) yield pair;
  }
}

/** "Long Form (LF)", also "(LF, see ...)" and "(ConvNets or CNNs)". */
function longThenShort(before: string, inner: string): AbbreviationPair | null {
  // "Perceptron(MLP)" is a definition; "compute_cost(AL, Y)" and "np.log(AL)" are calls.
  if (!/\s$/.test(before) && !/(?:^|[\s()[\]{}])[\p{L}-]+$/u.test(before)) return null;
  let clauseStart = 0;
  for (const match of before.matchAll(CLAUSE_END)) clauseStart = match.index + match[0].length;
  const words = wordsOf(before.slice(clauseStart));
  for (const alternative of inner.split(/[,;]/)[0]!.split(/\s+or\s+/).slice(0, 2)) {
    const pair = bestPair(alternative.trim().replace(/^['"]+|['"]+$/g, ""), words, "long-first");
    if (pair) return pair;
  }
  return null;
}

/** "LF (long form)", "LF stands for long form". */
function shortThenLong(short: string, inner: string): AbbreviationPair | null {
  return bestPair(short, wordsOf(inner.split(/[;:]|,\s|\s[-–—]\s|\s+or\s+/)[0]!), "short-first");
}

function bestPair(written: string, words: string[], order: Order): AbbreviationPair | null {
  const capitals = written.replace(/[^A-Z]/g, "").length;
  const shaped = written.length >= 2 && written.length <= 10 && SHORT_SHAPE.test(written);
  if (!shaped || (capitals < 2 && !(capitals === 1 && /\d/.test(written)))) return null;
  // "CNNs" defines CNN. "ConvNets" is tried whole first, since some short forms end in s ("DevOps").
  if (/[A-Z0-9]'?s$/.test(written)) return singular(align(written.replace(/'?s$/, ""), words, order));
  return align(written, words, order) ?? (/[a-z]s$/.test(written) ? singular(align(written.slice(0, -1), words, order)) : null);
}

/** A plural short form is defined by a plural long form: "CNNs" by "convolutional neural networks". */
function singular(pair: AbbreviationPair | null): AbbreviationPair | null {
  if (!pair) return null;
  return { short: pair.short, long: pair.long.replace(/ies$/, "y").replace(/(ss|x|ch|sh)es$/, "$1").replace(/([^sui])s$/, "$1") };
}

function align(short: string, words: string[], order: Order): AbbreviationPair | null {
  const written = [...short].filter((char) => ALNUM.test(char));
  const target = written.map((char) => char.toLowerCase());
  const last = target.length - 1;
  const maxWords = Math.min(target.length + 5, target.length * 2);
  const longFirst = order === "long-first";
  const window = longFirst ? words.slice(-(maxWords + 1)) : words.slice(0, maxWords + 3);
  const letters = lettersOf(window);
  const fits = (i: number, { word, initial }: Letter) =>
    (i > 0 || initial) && (longFirst ? i < last || word >= window.length - 2 : i > 0 || word <= 3);
  // Capitals and digits want word initials, lower case the inside of words ("AdaBoost" is adaptive
  // boosting). On a tie long-first keeps the words next to the parenthesis, short-first the fewest.
  const capital = written.map((char, i) => i === 0 || !/\p{Ll}/u.test(char));
  const better = (a: Alignment, b: Alignment | null) =>
    !b || a.score > b.score || (a.score === b.score && (longFirst ? a.end > b.end : a.end < b.end));

  // best[i][p]: the best alignment of characters i.. with character i at letter p, filled right to left.
  const best: (Alignment | null)[][] = target.map(() => letters.map(() => null));
  for (let i = last; i >= 0; i--) {
    for (let p = letters.length - 1; p >= 0; p--) {
      const letter = letters[p]!;
      if (letter.char !== target[i] || !fits(i, letter)) continue;
      const gain = letter.initial === capital[i] ? 1 : 0;
      const missed = capital[i] && !letter.initial ? 1 : 0;
      if (i === last) best[i]![p] = { score: gain, missed, end: letter.word };
      for (let q = p + 1; i < last && q < letters.length; q++) {
        const next = best[i + 1]![q];
        const candidate = next && { score: next.score + gain, missed: next.missed + missed, end: next.end };
        if (candidate && better(candidate, best[i]![p] ?? null)) best[i]![p] = candidate;
      }
    }
  }
  let chosen: (Alignment & { first: Letter }) | null = null;
  for (const [p, first] of letters.entries()) {
    const found = best[0]![p];
    const shorter = chosen && found?.score === chosen.score && found.end - first.word <= chosen.end - chosen.first.word;
    if (found && (better(found, chosen) || shorter)) chosen = { ...found, first };
  }
  if (!chosen || chosen.end - chosen.first.word + 1 > maxWords) return null;
  const { first, end, missed } = chosen;
  const parts = letters.filter((l) => l.start && l.word <= end && (l.word > first.word || (l.word === first.word && l.at >= first.at)));
  if (parts.length >= target.length && missed > 0) return null;

  const firstWord = [...window[first.word]!];
  // A word glued on by lost spacing ("indexing.Support", "classifierTrue") is no part of the definition.
  const cut = first.at > 0 && !/[-–'"]/.test(firstWord[first.at - 1]!) ? first.at : 0;
  const long = [firstWord.slice(cut).join(""), ...window.slice(first.word + 1, end + 1)]
    .join(" ")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/(?<=(?:^|\s)\p{L})- /gu, "-")
    .toLowerCase();
  if (long.length <= short.length || long.split(/[\s-]+/).includes(short.toLowerCase())) return null;
  return { short, long };
}

function lettersOf(words: string[]): Letter[] {
  const letters: Letter[] = [];
  words.forEach((word, index) => {
    const chars = [...word];
    chars.forEach((char, at) => {
      if (!ALNUM.test(char)) return;
      const previous = chars[at - 1];
      const start = previous === undefined || !ALNUM.test(previous);
      const camel = previous !== undefined && /\p{Ll}/u.test(previous) && /\p{Lu}/u.test(char);
      const digit = start && NUMBER_WORDS.get(/^[\p{L}\p{N}]+/u.exec(chars.slice(at).join(""))![0].toLowerCase());
      if (digit) letters.push({ char: digit, word: index, at, start, initial: true });
      letters.push({ char: char.toLowerCase(), word: index, at, start, initial: start || camel });
    });
  });
  return letters;
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => ALNUM.test(word));
}

function lastToken(text: string): string {
  return (/(\S+)\s*$/.exec(text)?.[1] ?? "").replace(/^["']+|["',]+$/g, "");
}
