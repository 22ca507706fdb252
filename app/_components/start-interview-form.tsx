"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import type { InterviewSettings, InterviewStyle } from "@/lib/interview/types";
import { errorMessageOf } from "./read-ndjson";

const STYLES: { value: InterviewStyle; label: string; hint: string }[] = [
  { value: "friendly", label: "Friendly", hint: "encouraging, gives hints freely" },
  { value: "neutral", label: "Neutral", hint: "matter-of-fact" },
  { value: "tough", label: "Tough", hint: "presses on every gap" },
];

export interface StartInterviewFormProps {
  topics: { topic: string; questions: number }[];
  due: number;
}

/** Settings for a new interview; posts them and opens the interview page. Works by keyboard alone. */
export function StartInterviewForm({ topics, due }: StartInterviewFormProps) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [count, setCount] = useState("5");
  const [style, setStyle] = useState<InterviewStyle>("neutral");
  const [voice, setVoice] = useState(false);
  const [dueOnly, setDueOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // A second submit (double click, Enter twice) must not start a second interview.
  const startingRef = useRef(false);

  function toggleTopic(topic: string, checked: boolean) {
    setChosen((current) => (checked ? [...current, topic] : current.filter((item) => item !== topic)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (startingRef.current) return;
    const questionCount = Number(count);
    if (!Number.isInteger(questionCount) || questionCount < 1 || questionCount > 20) {
      setError("Choose a number of questions from 1 to 20.");
      return;
    }
    const settings: InterviewSettings = { topics: chosen, questionCount, style, voice, dueOnly: dueOnly && due > 0 };
    startingRef.current = true;
    setStarting(true);
    setError(null);
    try {
      const response = await fetch("/api/interviews", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(settings),
      });
      if (!response.ok) throw new Error(await errorMessageOf(response));
      const { id } = (await response.json()) as { id: string };
      router.push(`/interview/${encodeURIComponent(id)}`);
    } catch (caught) {
      setError(caught instanceof Error && caught.message !== "Failed to fetch" ? caught.message : "Could not reach the server. Check that it is running and try again.");
      startingRef.current = false;
      setStarting(false);
    }
  }

  return (
    <form onSubmit={submit} className="start-form" aria-labelledby="start-heading">
      <fieldset>
        <legend>Topics</legend>
        <label className="choice">
          <input type="checkbox" checked={chosen.length === 0} onChange={(event) => event.target.checked && setChosen([])} />
          All topics
        </label>
        {topics.map(({ topic, questions }) => (
          <label className="choice" key={topic}>
            <input type="checkbox" checked={chosen.includes(topic)} onChange={(event) => toggleTopic(topic, event.target.checked)} />
            {topic} <span className="muted">({questions})</span>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor="question-count">Number of questions</label>
        <input id="question-count" type="number" min={1} max={20} step={1} required inputMode="numeric" value={count} onChange={(event) => setCount(event.target.value)} />
      </div>

      <fieldset>
        <legend>Interviewer style</legend>
        {STYLES.map((option) => (
          <label className="choice" key={option.value}>
            <input type="radio" name="style" value={option.value} checked={style === option.value} onChange={() => setStyle(option.value)} />
            {option.label} <span className="muted">({option.hint})</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Options</legend>
        <label className="choice">
          <input type="checkbox" checked={voice} onChange={(event) => setVoice(event.target.checked)} />
          Read questions aloud
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={dueOnly && due > 0}
            disabled={due === 0}
            aria-describedby="due-reason"
            onChange={(event) => setDueOnly(event.target.checked)}
          />
          Only questions due for review ({due} due)
        </label>
        <p id="due-reason" className="hint">
          {due === 0
            ? "None is due yet: questions you answer come back for review on a schedule, sooner when you answered them badly."
            : "Questions you answered before and that are due again, weakest first."}
        </p>
      </fieldset>

      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={starting}>
        {starting ? "Starting interview…" : "Start interview"}
      </button>
    </form>
  );
}
