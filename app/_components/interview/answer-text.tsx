import type { ReactNode } from "react";
import type { DeliveryNotes } from "@/lib/interview/types";

/**
 * The person's answer as they gave it (plain text, never Markdown: the filler ranges are offsets
 * into this very text), with each filler word or phrase marked.
 */
export function AnswerText({ text, fillerSpans }: { text: string; fillerSpans?: DeliveryNotes["fillerSpans"] }) {
  const spans = [...(fillerSpans ?? [])]
    .filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end)
    .sort((a, b) => a.start - b.start);
  const pieces: ReactNode[] = [];
  let cursor = 0;
  for (const span of spans) {
    // Overlapping ranges would repeat text: a range starting inside the previous one is skipped.
    if (span.start < cursor) continue;
    if (span.start > cursor) pieces.push(text.slice(cursor, span.start));
    pieces.push(
      <mark key={span.start} className="filler" title="Filler">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    cursor = span.end;
  }
  if (cursor < text.length) pieces.push(text.slice(cursor));
  return <p className="answer-text">{pieces}</p>;
}
