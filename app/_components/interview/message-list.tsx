"use client";

import type { DeliveryNotes, InterviewMessage } from "@/lib/interview/types";
import { Markdown } from "../markdown";
import { AnswerText } from "./answer-text";
import { CitationLinks } from "./citation-links";
import { FeedbackCard } from "./feedback-card";

const KIND_LABELS: Partial<Record<InterviewMessage["kind"], string>> = {
  question: "Question",
  "follow-up": "Follow-up",
  hint: "Hint",
  clarification: "Clarification",
  explanation: "Explanation",
  notice: "Note",
};

/** Every message so far, the grade of each answer beside it, and the interviewer's reply as it streams in. */
export function MessageList({ messages, pending }: { messages: InterviewMessage[]; pending: string | null }) {
  // Delivery notes live on the answer; its feedback card shows them, so pair each card with the answer before it.
  const deliveryOf = new Map<string, DeliveryNotes>();
  let lastDelivery: DeliveryNotes | undefined;
  for (const message of messages) {
    if (message.role === "candidate") lastDelivery = message.delivery;
    else if (message.kind === "feedback" && lastDelivery) deliveryOf.set(message.id, lastDelivery);
  }
  return (
    <ol className="messages">
      {messages.map((message) => (
        <li key={message.id} className={`message ${message.role} kind-${message.kind}`}>
          {message.kind === "feedback" ? (
            <FeedbackCard grade={message.grade} delivery={deliveryOf.get(message.id)} />
          ) : message.role === "candidate" ? (
            <>
              <p className="speaker">You{message.delivery?.spoken ? " (spoken)" : ""}</p>
              <AnswerText text={message.text} fillerSpans={message.delivery?.fillerSpans} />
            </>
          ) : (
            <>
              <p className="speaker">
                Interviewer{KIND_LABELS[message.kind] ? <span className="kind"> · {KIND_LABELS[message.kind]}</span> : null}
              </p>
              <Markdown text={message.text} />
              <CitationLinks citations={message.citations} />
            </>
          )}
        </li>
      ))}
      {pending !== null && (
        <li className="message interviewer pending">
          <p className="speaker">Interviewer</p>
          {pending ? <Markdown text={pending} /> : <p className="muted">Thinking…</p>}
        </li>
      )}
    </ol>
  );
}
