import type { GradeResult } from "@/lib/grading/grade-result";

/**
 * The shapes the interview use-case layer hands to the app: what a page renders and what a route
 * returns. Plain data (JSON-safe), so a server component, a route handler and a client component
 * all speak the same language.
 */

export type InterviewStyle = "friendly" | "neutral" | "tough";

/** Who phrases the interviewer's turns and grades: an LLM when configured, templates and the offline grader otherwise. */
export type InterviewMode = "llm" | "offline";

/** What the person's message turned out to be (see intent.ts). */
export type MessageIntent = "answer" | "clarify" | "feedback-question" | "hint" | "skip" | "repeat";

export interface InterviewSettings {
  /** Topic names, or empty for every topic. */
  topics: string[];
  questionCount: number;
  style: InterviewStyle;
  voice: boolean;
  /** Only questions due for review (spaced repetition). */
  dueOnly: boolean;
}

export interface SourceCitation {
  /** Path relative to the project root, e.g. content/notes.md. */
  document: string;
  /** 1-based line of the question in that document. */
  line: number;
}

/** How an answer was delivered: length, pace when spoken, filler words. */
export interface DeliveryNotes {
  words: number;
  spoken: boolean;
  /** Speaking time, when the answer was spoken (null when typed). */
  durationSeconds: number | null;
  wordsPerMinute: number | null;
  fillerCount: number;
  /** Each filler word or phrase with how often it came. */
  fillers: { word: string; count: number }[];
  /** Character ranges of the fillers in the answer's text, for highlighting. */
  fillerSpans: { start: number; end: number }[];
  length: "too-short" | "good" | "too-long";
  /** One sentence on the length (and pace), in words a person understands. */
  advice: string;
}

/** A grade as the feedback card shows it. */
export interface GradeView extends GradeResult {
  /** The question the answer was graded against (the main question, or the follow-up). */
  question: string;
  /** The reference answer as Markdown (every merged source), shown on request. */
  referenceMarkdown: string | null;
  /** True when this grade is of a follow-up answer, graded against the points it probed. */
  isFollowUp: boolean;
}

export type InterviewMessageKind =
  | "opening"
  | "question"
  | "follow-up"
  | "answer"
  | "message"
  | "feedback"
  | "hint"
  | "clarification"
  | "explanation"
  | "notice"
  | "closing";

export interface InterviewMessage {
  id: string;
  /** Order within the session, from 0. */
  seq: number;
  role: "interviewer" | "candidate";
  kind: InterviewMessageKind;
  /** Markdown (rendered without raw HTML). */
  text: string;
  createdAt: string;
  questionId: string | null;
  /** For the person's messages: what the app took the message for. */
  intent?: MessageIntent;
  /** For answers: delivery notes. */
  delivery?: DeliveryNotes;
  /** For feedback: the grade. Null while the stored answer waits to be graded. */
  grade?: GradeView | null;
  citations?: SourceCitation[];
}

export interface InterviewView {
  id: string;
  settings: InterviewSettings;
  mode: InterviewMode;
  status: "active" | "ended";
  startedAt: string;
  endedAt: string | null;
  /** 0-based index of the question being asked, among `questionCount`. */
  position: number;
  questionCount: number;
  messages: InterviewMessage[];
  /** Whether the interviewer is waiting for an answer (to a question or a follow-up). */
  awaitingAnswer: boolean;
}

export interface SummaryQuestion {
  questionId: string;
  question: string;
  topic: string;
  /** Null: skipped or never answered. */
  score: number | null;
  followUpScores: number[];
}

export interface SessionSummary {
  id: string;
  startedAt: string;
  endedAt: string | null;
  style: InterviewStyle;
  questions: SummaryQuestion[];
  /** Mean of the answered questions' scores, or null when none was answered. */
  average: number | null;
  /** Lowest average first. */
  weakestTopics: { topic: string; average: number; answered: number }[];
  /** What to review, worst first, with when each question comes back. */
  toReview: { questionId: string; question: string; topic: string; score: number | null; due: string }[];
  /** The whole summary as Markdown, for export. */
  markdown: string;
}

export interface HistoryEntry {
  id: string;
  startedAt: string;
  endedAt: string | null;
  style: InterviewStyle;
  topics: string[];
  questionCount: number;
  answered: number;
  average: number | null;
}

/** Scores over time per topic, for the history chart. */
export interface TopicProgress {
  topic: string;
  points: { date: string; average: number; answers: number }[];
}
