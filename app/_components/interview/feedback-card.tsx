"use client";

import { useId, useState } from "react";
import type { DeliveryNotes, GradeView } from "@/lib/interview/types";
import { Markdown } from "../markdown";
import { CitationLinks } from "./citation-links";
import { flagWords, formatDuration, formatScore, LENGTH_WORDS, plainPoint } from "./grade-words";

/** The grade of one answer: score, points covered (with the words that earned them) and missed, delivery, reference on request. */
export function FeedbackCard({ grade, delivery }: { grade: GradeView | null | undefined; delivery?: DeliveryNotes }) {
  const [showReference, setShowReference] = useState(false);
  const referenceId = useId();
  if (!grade) {
    return (
      <section role="region" aria-label="Feedback" className="feedback">
        <p className="muted">Grading this answer…</p>
      </section>
    );
  }
  return (
    <section role="region" aria-label="Feedback" className="feedback">
      <h3 className="feedback-title">
        {grade.isFollowUp ? "Feedback on your follow-up answer" : "Feedback"}{" "}
        <span className="score">{formatScore(grade.score)} / 5</span>
        {/* A space after the score keeps it a word of its own in the card's plain text. */}{" "}
      </h3>
      {grade.grader === "local" && grade.fallbackReason && <p className="note">Graded offline: {grade.fallbackReason}</p>}
      {grade.flags.length > 0 && (
        <ul className="flags" aria-label="Flags">
          {grade.flags.map((flag) => (
            <li key={flag}>{flagWords(flag)}</li>
          ))}
        </ul>
      )}
      {grade.covered.length > 0 && (
        <>
          <h4>Covered</h4>
          <ul className="covered">
            {grade.covered.map((point) => (
              <li key={point.point}>
                {plainPoint(point.point)}
                {point.evidence && <span className="evidence"> — you said: “{point.evidence}”</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {grade.missed.length > 0 && (
        <>
          <h4>Missed</h4>
          <ul className="missed">
            {grade.missed.map((point) => (
              <li key={point}>{plainPoint(point)}</li>
            ))}
          </ul>
        </>
      )}
      {grade.feedback && <Markdown text={grade.feedback} className="feedback-text" />}
      {delivery && <DeliverySummary delivery={delivery} />}
      {grade.referenceMarkdown && (
        <div className="reference">
          <button type="button" className="link-button" aria-expanded={showReference} aria-controls={referenceId} onClick={() => setShowReference((shown) => !shown)}>
            {showReference ? "Hide reference answer" : "Show reference answer"}
          </button>
          <div id={referenceId} hidden={!showReference} className="reference-body">
            <Markdown text={grade.referenceMarkdown} />
            <CitationLinks citations={grade.references} />
          </div>
        </div>
      )}
    </section>
  );
}

function DeliverySummary({ delivery }: { delivery: DeliveryNotes }) {
  const fillers = delivery.fillers.map((filler) => (filler.count > 1 ? `“${filler.word}” ×${filler.count}` : `“${filler.word}”`)).join(", ");
  return (
    <>
      <h4>Delivery</h4>
      <ul className="delivery">
        <li>
          {delivery.words} {delivery.words === 1 ? "word" : "words"}: {LENGTH_WORDS[delivery.length]}
        </li>
        {delivery.spoken && delivery.durationSeconds !== null && (
          <li>
            Spoke for {formatDuration(delivery.durationSeconds)}
            {delivery.wordsPerMinute !== null && ` at ${Math.round(delivery.wordsPerMinute)} words per minute`}
          </li>
        )}
        <li>{delivery.fillerCount === 0 ? "No filler words" : `${delivery.fillerCount} filler ${delivery.fillerCount === 1 ? "word" : "words"}: ${fillers}`}</li>
        {delivery.advice && <li>{delivery.advice}</li>}
      </ul>
    </>
  );
}
