import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InterviewChat } from "@/app/_components/interview/interview-chat";
import { requirePagePerson } from "@/lib/auth/current-person";
import { AppError } from "@/lib/errors";
import { getInterviewView, getSessionSummaryView } from "@/lib/interview/interview-service";
import type { InterviewView, SessionSummary } from "@/lib/interview/types";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Interview · Mock-interview coach" };

/** The interview as stored: a reload shows everything said so far and carries on from there. */
export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const person = await requirePagePerson(`/interview/${encodeURIComponent(id)}`);
  const view = await loadView(id, person.id);
  if (!view) notFound();
  let summary: SessionSummary | null = null;
  if (view.status === "ended") {
    // The conversation still shows when its summary cannot be made; the page says so below it.
    summary = await getSessionSummaryView({ id, ownerId: person.id }).catch((error: unknown) => {
      console.error("session summary failed", error);
      return null;
    });
  }
  const topics = view.settings.topics.length > 0 ? view.settings.topics.join(", ") : "all topics";
  return (
    <>
      <h1>Interview</h1>
      <p className="lead">
        {view.questionCount} {view.questionCount === 1 ? "question" : "questions"} on {topics}.
      </p>
      <InterviewChat key={view.id} initialView={view} initialSummary={summary} />
      {view.status === "ended" && !summary && <p className="note">The summary of this interview could not be made; the server log says why.</p>}
    </>
  );
}

/** The interview, or null when it does not exist or is someone else's (for them it does not exist). */
async function loadView(id: string, ownerId: string): Promise<InterviewView | null> {
  try {
    return (await getInterviewView({ id, ownerId })) ?? null;
  } catch (error) {
    // A malformed or unknown id is a missing page, not a crash.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "bad_request")) return null;
    throw error;
  }
}
