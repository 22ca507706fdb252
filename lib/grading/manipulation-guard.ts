/**
 * Finds text in an answer that addresses the grader instead of the question: instructions to
 * ignore the rubric, demands for a score, fake grader output (JSON with a score, a rubric, a
 * "system" turn), notes to the grader. Such sentences are flagged and taken out, so the answer is
 * scored on what it says about the subject alone; the rest of the answer still counts.
 */

export interface ManipulationCheck {
  flagged: boolean;
  /** The answer without the manipulative parts. */
  cleaned: string;
  /** What was taken out, for the person to see why. */
  removed: string[];
}

const SCORE_WORDS = String.raw`(?:full|max(?:imum)?|perfect|top|high(?:est)?|all(?: the)?|100\s*%|5\s*/\s*5|10\s*/\s*10|five|5)`;
const GRADER = String.raw`(?:grader|grading|examiner|evaluator|assessor|marker|scorer|teacher|instructor|ai|assistant|model|system|llm|gpt|chatgpt|rubric)`;

const PATTERNS: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.!?\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your|the|these|those|system)\b[^.!?\n]{0,30}\b(?:instructions?|prompts?|rules?|rubric|guidelines?|criteria|directions?)\b/i,
  new RegExp(String.raw`\b(?:award|give|assign|grant|mark|score|rate|grade)\b[^.!?\n]{0,30}\b(?:me|this|the|my|this answer|it)?\b[^.!?\n]{0,20}\b${SCORE_WORDS}\b[^.!?\n]{0,20}\b(?:marks?|points?|scores?|credit|grade|stars?|out of)\b`, "i"),
  new RegExp(String.raw`\b(?:award|give|assign|grant)\b[^.!?\n]{0,25}\b(?:full|maximum|perfect|all)\b`, "i"),
  new RegExp(String.raw`\b(?:note|message|instructions?|attention|hint|reminder)\s+(?:to|for)\s+(?:the\s+)?${GRADER}\b`, "i"),
  new RegExp(String.raw`\b(?:dear|hey|hi|hello)\s+${GRADER}\b`, "i"),
  new RegExp(String.raw`\b(?:you are|you're|act as|pretend (?:to be|you are)|as an?)\s+(?:a|an|the)?\s*(?:lenient|generous|helpful)?\s*${GRADER}\b`, "i"),
  /\b(?:give|award|rate|grade|mark|score)\b[^.!?\n]{0,25}?(?:\b\d+(?:\.\d+)?\s*\/\s*\d+|\b\d+\s+out of\s+\d+|\bfull marks\b|\ba perfect (?:score|grade|mark)\b)/i,
  /\b(?:earns?|gets?|deserves?|receives?|merits?|scores?)\b[^.!?\n]{0,20}\b(?:full|maximum|max|perfect|top|all(?: the)?)\s+(?:marks?|points?|scores?|credit|grades?)\b/i,
  /\b(?:this|my|the) answer (?:is|should be (?:graded|marked|considered|treated) as) (?:correct|perfect|complete|excellent)\b/i,
  /\b(?:must|should|will) (?:receive|get|be given|be awarded) (?:a )?(?:full|maximum|perfect|high|5|five)\b/i,
  /["']?\b(?:score|grade|points|mark)["']?\s*[:=]\s*["']?\s*(?:5|5\.0|10|100|full)\b/i, // fake grader output: {"score": 5}
  /\b(?:covered|missed|flags|feedback)["']?\s*:\s*\[/i, // fake result structure
  /^\s*(?:system|assistant|developer|grader|rubric)\s*[:>]/im, // a fake conversation turn or rubric
  /<\/?(?:system|instructions?|prompt|rubric|answer|im_start|im_end)\b[^>]*>|<\|im_(?:start|end)\|>/i,
  /\b(?:new|updated|revised|real|actual)\s+(?:instructions?|rubric|grading criteria)\b/i,
  /\bprompt injection\b|\bjailbreak\b/i,
];

/** Checks an answer for attempts to steer the grader; see the module comment. */
export function checkManipulation(answer: string): ManipulationCheck {
  const removed: string[] = [];
  const kept: string[] = [];
  for (const piece of splitStatements(answer)) {
    if (PATTERNS.some((pattern) => pattern.test(piece))) removed.push(piece.trim());
    else kept.push(piece);
  }
  return { flagged: removed.length > 0, cleaned: kept.join("").replace(/\s+/g, " ").trim(), removed };
}

/** Sentences, lines and brace-delimited objects (fake JSON goes whole), with trailing whitespace. */
function splitStatements(text: string): string[] {
  // Every character falls in one alternative, so nothing of the answer is lost in the split.
  return text.match(/\{[^{}]*\}?\s*|[^.!?\n{]+(?:[.!?]+\s*|\n\s*)?|[.!?\n]+\s*/g) ?? [text];
}
