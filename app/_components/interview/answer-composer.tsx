"use client";

import type { KeyboardEvent, RefObject } from "react";

export interface AnswerComposerProps {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  sending: boolean;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  speech: { supported: boolean | null; listening: boolean; onToggle: () => void; problem: string | null };
}

/** The answer box: Enter sends, Shift+Enter starts a new line; speaking fills the box live and stays editable. */
export function AnswerComposer({ value, onChange, onSend, sending, textareaRef, speech }: AnswerComposerProps) {

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // An IME composing a word uses Enter to confirm it: that Enter is not a send.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onSend();
  }

  const micUnavailable =
    speech.supported === false ? "Speaking is not available: this browser has no speech recognition. Type your answer, or use Chrome, Edge or Safari." : null;

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <label htmlFor="answer-box">Your answer</label>
      <textarea
        id="answer-box"
        ref={textareaRef}
        rows={4}
        value={value}
        disabled={sending}
        aria-describedby="answer-help"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id="answer-help" className="hint">
        {speech.listening ? "Listening… your words appear in the box; press “Stop speaking” when you are done." : "Enter sends; Shift+Enter starts a new line."}
      </p>
      <div className="composer-actions">
        <button type="submit" className="primary" disabled={sending || value.trim() === ""}>
          {sending ? "Sending…" : "Send"}
        </button>
        <button
          type="button"
          disabled={sending || speech.supported !== true}
          aria-describedby={micUnavailable ? "mic-unavailable" : undefined}
          onClick={speech.onToggle}
        >
          {speech.listening ? "Stop speaking" : "Start speaking"}
        </button>
      </div>
      {micUnavailable && (
        <p id="mic-unavailable" className="note">
          {micUnavailable}
        </p>
      )}
      {speech.problem && (
        <p role="alert" className="form-error">
          {speech.problem}
        </p>
      )}
    </form>
  );
}
