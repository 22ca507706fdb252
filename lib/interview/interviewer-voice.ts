import "server-only";
import { contentStems } from "@/lib/grading/text-terms";
import { streamText, type Llm } from "@/lib/llm";
import { interviewerTurnMessages, type InterviewerTurnInput } from "@/lib/llm/prompts/interviewer-turn";
import { cleanQuestionText } from "./clean-question-text";

/** What the interviewer is about to say, for the LLM to phrase; `template` is the offline wording. */
export interface TurnRequest extends Omit<InterviewerTurnInput, "nonce"> {
  /** The template interviewer's wording: what is said without an LLM, or when it fails. */
  template: string;
}

export interface SpokenTurn {
  text: string;
  by: "llm" | "template";
  /** Why the LLM's wording was not used, when it was tried. */
  notice?: string;
  /** True when the LLM failed (error, timeout, broken stream), not merely said something unusable. */
  failed?: boolean;
}

/** An interviewer turn is a few sentences: more than this and the model is rambling or answering. */
const MAX_TURN_CHARACTERS = 700;

/**
 * Phrases an interviewer turn: with an LLM, streamed token by token through `onToken`; without
 * one, or when it fails or says something unusable, the template's wording. A turn is never lost
 * to the model: the worst case is the template, said a moment later.
 */
export async function speakTurn({
  llm,
  request,
  onToken,
  signal,
}: {
  llm: Llm | null;
  request: TurnRequest;
  onToken?: (text: string) => void;
  signal?: AbortSignal;
}): Promise<SpokenTurn> {
  if (!llm) return { text: request.template, by: "template" };
  const { template, ...turn } = request;
  let text = "";
  try {
    const stream = streamText({
      client: llm.client,
      model: llm.settings.model,
      messages: interviewerTurnMessages(turn),
      temperature: 0.7,
      maxTokens: 300,
      timeoutMs: llm.settings.timeoutMs,
      maxAttempts: llm.settings.maxAttempts,
      ...(signal ? { signal } : {}),
    });
    for await (const token of stream) {
      text += token;
      onToken?.(token);
    }
  } catch (error) {
    return { text: template, by: "template", failed: true, notice: `The LLM could not phrase this turn (${error instanceof Error ? error.message : String(error)}), so the template interviewer did.` };
  }
  const cleaned = text.trim();
  if (!cleaned || cleaned.length > MAX_TURN_CHARACTERS) return { text: template, by: "template", notice: "The LLM's wording was unusable, so the template interviewer's was used." };
  if (request.kind === "question" && request.question && !carriesQuestion(cleaned, request.question)) {
    // A transition without the question is no question: the person must know what to answer.
    const question = cleanQuestionText(request.question);
    onToken?.(`\n\n${question}`);
    return { text: `${cleaned}\n\n${question}`, by: "llm" };
  }
  return { text: cleaned, by: "llm" };
}

/** Whether a turn asks the question: most of its content words are there, in any form. */
function carriesQuestion(turn: string, question: string): boolean {
  const wanted = new Set(contentStems(question));
  if (wanted.size === 0) return true;
  const said = new Set(contentStems(turn));
  return [...wanted].filter((stem) => said.has(stem)).length / wanted.size >= 0.6;
}
