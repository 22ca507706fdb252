import { cleanQuestion } from "@/lib/ingest/clean-text";
import { questionCue } from "@/lib/ingest/question-like";
import { isStopWord } from "@/lib/grading/text-terms";

/**
 * A document's question as an interviewer would say it: no numbering, labels, Markdown or answer
 * tail, Title Case lowered where it is only typography, and ending in "?" when it asks.
 */

// Labels and numbers in front of a question, in every style the corpora use; stripped repeatedly
// since they stack ("Q12. 3)"). The number must be followed by a delimiter, so "3D convolutions" stays.
const LEADS = [
  /^\s*(?:q(?:uestion)?|ques|qn|problem|exercise)\s*(?:no\.?\s*|#\s*)?(?:\d{1,4}\s*[.:)\-–—]|[.:)])\s*/i,
  /^\s*(?:q(?:uestion)?|ques|qn)\s*(?:no\.?\s*|#\s*)?\d{1,4}\s+(?=\p{Lu})/iu,
  /^\s*[([]?\d{1,4}[)\]]\s*/,
  /^\s*#?\d{1,4}(?:\.\d{1,3})*\s*[.:)\-–—](?!\d)\s*/,
  /^\s*\d{1,4}(?:\.\d{1,3})+\s+(?=\p{L})/u,
  /^\s*[a-h][.)]\s+(?=\p{Lu})/u,
  /^\s*(?:[-*+•>]|#{1,6})\s+/,
];
// An answer run on after the question: "What is X? Ans: X is ..." or "Explain X — Answer: ...".
// After a sentence's end any label counts; mid-sentence only a capitalised "Ans:"/"Answer:", so
// "What is the solution: X or Y?" keeps its words.
const ANSWER_TAIL = /(?:(?<=[?.!)])\s*(?:[-–—]\s*)?(?:ans(?:wer)?|solution|sol)|\s+(?:[-–—]\s*)?(?:Ans(?:wer)?|ANS(?:WER)?))\s*[:：].*$/is;
// "(5 marks)", "[2 points]", "(Asked at Google)": exam and page furniture, not part of the question.
const FURNITURE = /\s*[([](?:\d+(?:\.\d+)?\s*(?:marks?|points?|pts)|asked (?:at|in|by) [^)\]]{1,40}|(?:easy|medium|hard|difficult))[)\]]\s*$/i;

// Words a Title Case heading capitalises that a sentence would not: suffixes of ordinary English
// words (names such as Boltzmann, Fourier or Adam have none of these) and common words of questions.
const LOWERABLE_SUFFIX = /(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ing|ings|ized|ised|ize|ise|ous|ful|less|ive|ives|ed|al|ally|ly|ic|ics|ent|ents|ence|ance|ency|ancy|ors|ers|ure|ures|ward|wards)$/;
const COMMON_WORDS = new Set(
  ("role difference differences between need needs use uses work works happen happens set too low high different main " +
    "common applications application types type advantages disadvantages benefits benefit importance purpose idea ideas " +
    "concept concepts example examples combat them we most best library libraries elements element programming problem problems " +
    "solve solution solutions layer layers network networks neural function functions learning deep data rate gradient " +
    "gradients descent batch machine model models cost loss weight weights bias biases tensor tensors graph graphs layer " +
    "step steps vector vectors matrix value values size input inputs output outputs unit units node nodes tree trees " +
    "understand mean meaning why how need good bad vs versus versa against within does would will can could should must " +
    "versus better worse faster slower explain describe define compare list name give state discuss " +
    // Terms of the field that Title Case capitalises and no suffix above catches.
    "mini multi non semi pre auto self cross over under epoch epochs perceptron perceptrons tradeoff trade transform " +
    "transforms regression dropout softmax sigmoid autoencoder autoencoders encoder decoder transformer transformers " +
    "attention kernel kernels filter filters padding stride pooling embedding embeddings iteration iterations momentum " +
    "optimizer optimizers boosting bagging forest ensemble cluster clustering feature features label labels sample " +
    "samples class classes error errors score accuracy precision recall curve loop memory cell cells gate gates")
    .split(" "),
);

/** True when the words after the first are mostly capitalised, as in a heading's Title Case. */
function isTitleCase(words: string[]): boolean {
  const longer = words.slice(1).filter((word) => /^\p{L}{4,}$/u.test(word));
  const capitalised = longer.filter((word) => /^\p{Lu}/u.test(word));
  return capitalised.length >= 2 && capitalised.length >= 0.6 * longer.length;
}

/** Title Case lowered word by word, where a word is plainly not a name or an acronym. */
function lowerTitleCase(text: string): string {
  const words = text.match(/\p{L}[\p{L}'’]*/gu) ?? [];
  if (!isTitleCase(words)) return text;
  let first = true;
  return text.replace(/\p{L}[\p{L}'’]*/gu, (word) => {
    if (first) {
      first = false;
      return word;
    }
    // Only "Capitalised" words: "ReLU", "LSTM", "PyTorch" and lowercase words stay as written.
    if (!/^\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?$/u.test(word)) return word;
    const lower = word.toLowerCase();
    return isStopWord(lower) || COMMON_WORDS.has(lower) || LOWERABLE_SUFFIX.test(lower) ? lower : word;
  });
}

/** Whether a cleaned sentence asks (rather than instructs): it opens with an interrogative or auxiliary. */
function asks(text: string): boolean {
  const { opener } = questionCue(text);
  return opener === "interrogative" || opener === "auxiliary";
}

/**
 * The question as plain words an interviewer can say: no numbering ("Q12.", "12)", "3.",
 * "Question 4:"), heading marks, bullets, Markdown emphasis, "Ans:" tail, exam furniture ("(5
 * marks)") or odd spacing; Title Case lowered where it is typography ("What Is the Cost
 * Function" → "What is the cost function?"); a question that asks ends with "?", an instruction
 * ("Explain X") with ".". Pure; returns "" only for text with no words.
 */
export function cleanQuestionText(raw: string): string {
  let text = raw.replace(/\r?\n+/g, " ").replace(/[\u200B-\u200D\uFEFF]/g, "").trim();
  for (let changed = true; changed; ) {
    const before = text;
    for (const lead of LEADS) text = text.replace(lead, "");
    text = cleanQuestion(text);
    changed = text !== before;
  }
  text = text.replace(ANSWER_TAIL, "").replace(FURNITURE, "");
  text = text
    .replace(/\s+/g, " ")
    .replace(/\s+([?.!,;:)\]])/g, "$1")
    .replace(/([([])\s+/g, "$1")
    .replace(/([?!.])(?=\p{Lu})/gu, "$1 ")
    .replace(/,(?=\p{L})/gu, ", ")
    .replace(/(?<=\p{Ll})\((?=\p{Lu}{2,})/gu, " (")
    .replace(/[\s:;,\-–—]+$/, "")
    .replace(/\?[?.!\s]*$/, "?")
    .replace(/\.{2,}$/, "")
    .trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return "";
  text = lowerTitleCase(text);
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (/[?!]["”)]*$/.test(text)) return text;
  // "What is X." is a question that lost its mark; an instruction keeps its period.
  if (/\.$/.test(text)) return asks(text) && !text.includes("?") ? `${text.slice(0, -1)}?` : text;
  // "Q-learning: how does it work" asks in its last clause.
  return `${text}${asks(text) || asks(text.split(/[:;]\s*/).at(-1)!) ? "?" : "."}`;
}
