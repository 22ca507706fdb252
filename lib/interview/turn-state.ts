/**
 * Where an interview stands between two turns, kept on the session row (`state`): what the
 * interviewer waits for, the follow-up being asked and the points it probes, how many hints were
 * given. Read back with defaults, so a session written by an older version still resumes.
 */
export interface TurnState {
  /** "answer": to the question at `position`; "follow-up": to a follow-up; "nothing": all asked. */
  awaiting: "answer" | "follow-up" | "nothing";
  /** Follow-ups asked on the current question. */
  followUps: number;
  /** The follow-up being asked: its wording and the key points it probes. */
  followUp: { question: string; points: string[] } | null;
  /** Key points of the current question not yet covered, most important first. */
  missed: string[];
  hintLevel: number;
  /** The last thing the interviewer asked, word for word, for "repeat the question". */
  lastAsked: string;
  /** The latest feedback message, for "why didn't that count?". */
  lastFeedbackId: string | null;
  /** The score of the last graded main answer, for the next transition's tone. */
  previousScore: number | null;
}

export const INITIAL_TURN_STATE: TurnState = {
  awaiting: "answer",
  followUps: 0,
  followUp: null,
  missed: [],
  hintLevel: 0,
  lastAsked: "",
  lastFeedbackId: null,
  previousScore: null,
};

/** The stored state with defaults for anything missing or malformed. */
export function readTurnState(stored: unknown): TurnState {
  const value = stored && typeof stored === "object" ? (stored as Partial<TurnState>) : {};
  const awaiting = value.awaiting === "follow-up" || value.awaiting === "nothing" ? value.awaiting : "answer";
  return {
    awaiting,
    followUps: typeof value.followUps === "number" ? value.followUps : 0,
    followUp: value.followUp && Array.isArray(value.followUp.points) ? value.followUp : null,
    missed: Array.isArray(value.missed) ? value.missed.filter((point): point is string => typeof point === "string") : [],
    hintLevel: typeof value.hintLevel === "number" ? value.hintLevel : 0,
    lastAsked: typeof value.lastAsked === "string" ? value.lastAsked : "",
    lastFeedbackId: typeof value.lastFeedbackId === "string" ? value.lastFeedbackId : null,
    previousScore: typeof value.previousScore === "number" ? value.previousScore : null,
  };
}
