"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { InterviewView, SessionSummary } from "@/lib/interview/types";
import { AnswerComposer } from "./answer-composer";
import { currentQuestion, mergeMessages, spokenTurns, turnsSinceLastAnswer } from "./merge-messages";
import { MessageList } from "./message-list";
import { ReplyError, fetchView, sendMessage } from "./send-message";
import { SessionSummaryView } from "./session-summary";
import { useEndInterview } from "./use-end-interview";
import { useSpeechRecognition } from "./use-speech-recognition";
import { useSpeechSynthesis } from "./use-speech-synthesis";

const QUICK_ACTIONS = [
  { label: "Hint", text: "hint" },
  { label: "Repeat question", text: "repeat the question" },
  { label: "Skip question", text: "skip" },
];

/** The live interview: the log, the answer box (typed or spoken), quick actions, reading aloud, and the summary at the end. */
export function InterviewChat({ initialView, initialSummary }: { initialView: InterviewView; initialSummary: SessionSummary | null }) {
  const [view, setView] = useState(initialView);
  const [draft, setDraft] = useState("");
  const [pending, setPending] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [micProblem, setMicProblem] = useState<string | null>(null);
  // Refs, not state: a double click lands before React re-renders, and must still send only once.
  const sendingRef = useRef(false);
  const spokenRef = useRef(false);
  const retryRef = useRef<{ text: string; id: string; durationMs?: number } | null>(null);
  const focusAfterReplyRef = useRef(false);
  // Which dictation may still write into the box: a late result after sending must not bring the text back.
  const dictationRef = useRef(0);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const recognition = useSpeechRecognition();
  const synthesis = useSpeechSynthesis();
  const { summary, ending, endError, endInterview } = useEndInterview(view.id, initialSummary, setView);
  const voice = view.settings.voice;

  const readAloud = useCallback(
    (text: string) => {
      if (voice && text.trim()) synthesis.speak(text);
    },
    [voice, synthesis],
  );

  // Whoever opens (or reloads) the page hears what the interviewer said since their last answer.
  useEffect(() => {
    if (initialView.status === "active") readAloud(turnsSinceLastAnswer(initialView.messages).map((message) => message.text).join("\n\n"));
    // Once, on arrival: later turns are read as they come.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!sending && focusAfterReplyRef.current) {
      focusAfterReplyRef.current = false;
      textareaRef.current?.focus();
    }
  }, [sending]);

  async function send(raw: string, fromDraft: boolean) {
    const text = raw.trim();
    if (!text || sendingRef.current || view.status !== "active") return;
    sendingRef.current = true;
    if (fromDraft) dictationRef.current++;
    if (recognition.listening) recognition.stop();
    const retry = retryRef.current?.text === text ? retryRef.current : null;
    const spoken = fromDraft && spokenRef.current;
    const durationMs = spoken ? (retry?.durationMs ?? 0) + recognition.takeDuration() : undefined;
    // The same failed message sent again keeps its id, so a server that did store it answers without storing it twice.
    const clientMessageId = retry?.id ?? crypto.randomUUID();
    retryRef.current = null;
    setSending(true);
    setError(null);
    setPending("");
    const before = new Set(view.messages.map((message) => message.id));
    try {
      const next = await sendMessage(view.id, { clientMessageId, text, ...(spoken ? { spoken: true, durationMs } : {}) }, (event) => {
        if (event.type === "token") setPending((current) => (current ?? "") + event.text);
        if (event.type !== "messages") return;
        if (fromDraft && event.messages.some((message) => message.role === "candidate")) {
          setDraft("");
          spokenRef.current = false;
        }
        if (event.messages.some((message) => message.role === "interviewer" && message.kind !== "feedback")) setPending(null);
        setView((current) => ({ ...current, messages: mergeMessages(current.messages, event.messages) }));
      });
      if (fromDraft) {
        setDraft("");
        spokenRef.current = false;
      }
      setView(next);
      readAloud(
        spokenTurns(next.messages.filter((message) => !before.has(message.id)))
          .map((message) => message.text)
          .join("\n\n"),
      );
      if (next.status === "ended") void endInterview();
    } catch (caught) {
      const failure = caught instanceof ReplyError ? caught : new ReplyError("Sending failed. Try again.", false);
      setError(failure.message);
      // Sent again, the same text keeps its id: stored or not, the server then stores it once and replies.
      retryRef.current = { text, id: clientMessageId, durationMs };
      if (failure.started) {
        const latest = await fetchView(view.id);
        if (latest) setView(latest);
      }
    } finally {
      setPending(null);
      sendingRef.current = false;
      focusAfterReplyRef.current = true;
      setSending(false);
    }
  }

  function toggleSpeaking() {
    if (recognition.listening) {
      recognition.stop();
      return;
    }
    setMicProblem(null);
    const base = draft.trimEnd();
    const dictation = ++dictationRef.current;
    recognition.start({
      onTranscript: (transcript) => {
        if (dictationRef.current !== dictation) return;
        spokenRef.current = true;
        setDraft(base && transcript ? `${base} ${transcript}` : base || transcript);
      },
      onError: setMicProblem,
    });
  }

  const active = view.status === "active" && summary === null;
  const question = currentQuestion(view.messages);
  return (
    <div className="interview">
      <p className="progress-line">
        {active ? `Question ${Math.min(view.position + 1, view.questionCount)} of ${view.questionCount}` : "This interview has ended."}
        {" · "}
        {view.mode === "llm" ? "LLM interviewer" : "Offline interviewer"} · {view.settings.style} style
      </p>
      <div role="log" aria-live="polite" aria-label="Interview" aria-busy={sending} className="log">
        <MessageList messages={view.messages} pending={pending} />
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {voice && (
        <div className="voice-controls" role="group" aria-label="Reading aloud">
          <button type="button" disabled={synthesis.supported !== true || !question} onClick={() => question && synthesis.speak(question.text)}>
            Replay question
          </button>
          <button type="button" disabled={synthesis.supported !== true} onClick={synthesis.stop}>
            Stop reading
          </button>
          {synthesis.supported === false && <p className="note">This browser cannot read aloud; the questions are shown as text.</p>}
        </div>
      )}
      {active ? (
        <AnswerComposer
          value={draft}
          onChange={(value) => {
            setDraft(value);
            if (!value.trim()) spokenRef.current = false;
          }}
          onSend={() => void send(draft, true)}
          sending={sending}
          textareaRef={textareaRef}
          speech={{ supported: recognition.supported, listening: recognition.listening, onToggle: toggleSpeaking, problem: micProblem }}
        />
      ) : (
        <p className="note">This interview has ended: start a new one from the home page.</p>
      )}
      {active && view.messages.at(-1)?.kind === "closing" && (
        <p className="note">The interviewer has finished. Press “End interview” for your summary, or ask something more first.</p>
      )}
      {active && (
        <div className="quick-actions" role="group" aria-label="Interview actions">
          {QUICK_ACTIONS.map((action) => (
            <button key={action.text} type="button" disabled={sending} onClick={() => void send(action.text, false)}>
              {action.label}
            </button>
          ))}
          <button type="button" className="danger" disabled={sending || ending} onClick={() => void endInterview()}>
            {ending ? "Ending…" : "End interview"}
          </button>
        </div>
      )}
      {endError && (
        <p role="alert" className="form-error">
          {endError}
        </p>
      )}
      {summary && <SessionSummaryView summary={summary} />}
    </div>
  );
}
