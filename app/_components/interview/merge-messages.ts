import type { InterviewMessage } from "@/lib/interview/types";

/** The stored messages with the new ones added (a message seen twice is kept once, the newer copy), in order. */
export function mergeMessages(current: InterviewMessage[], added: InterviewMessage[]): InterviewMessage[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of added) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Interviewer turns worth reading aloud: what they say, not the grade cards. */
export function spokenTurns(messages: InterviewMessage[]): InterviewMessage[] {
  return messages.filter((message) => message.role === "interviewer" && message.kind !== "feedback");
}

/** The question (or follow-up) the person is answering now, for "Replay question". */
export function currentQuestion(messages: InterviewMessage[]): InterviewMessage | undefined {
  return messages.findLast((message) => message.kind === "question" || message.kind === "follow-up");
}

/** The interviewer's turns since the person last spoke: what greets someone who opens or reloads the page. */
export function turnsSinceLastAnswer(messages: InterviewMessage[]): InterviewMessage[] {
  const lastCandidate = messages.findLastIndex((message) => message.role === "candidate");
  return spokenTurns(messages.slice(lastCandidate + 1));
}
