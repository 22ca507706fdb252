"use client";

import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { InterviewView, SessionSummary } from "@/lib/interview/types";
import { errorMessageOf } from "../read-ndjson";
import { fetchView } from "./send-message";

/** Ends the interview once (a double click or an interview that ends itself asks only once) and brings up its summary. */
export function useEndInterview(id: string, initialSummary: SessionSummary | null, setView: Dispatch<SetStateAction<InterviewView>>) {
  const [summary, setSummary] = useState(initialSummary);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<string | null>(null);
  const busyRef = useRef(false);
  const endedRef = useRef(initialSummary !== null);
  const focusSummaryRef = useRef(false);

  useEffect(() => {
    if (!summary || !focusSummaryRef.current) return;
    focusSummaryRef.current = false;
    const region = document.getElementById("session-summary");
    region?.focus();
    region?.scrollIntoView({ block: "start" });
  }, [summary]);

  const endInterview = useCallback(async () => {
    if (busyRef.current || endedRef.current) return;
    busyRef.current = true;
    setEnding(true);
    setEndError(null);
    try {
      const response = await fetch(`/api/interviews/${encodeURIComponent(id)}/end`, { method: "POST" });
      if (!response.ok) throw new Error(await errorMessageOf(response));
      const result = (await response.json()) as SessionSummary;
      endedRef.current = true;
      // The interviewer may have said goodbye: show the stored conversation as it now stands.
      const latest = await fetchView(id);
      setView((current) => latest ?? { ...current, status: "ended" });
      focusSummaryRef.current = true;
      setSummary(result);
    } catch (caught) {
      setEndError(
        caught instanceof Error && caught.message !== "Failed to fetch"
          ? caught.message
          : "Could not reach the server to end the interview. Try again.",
      );
    } finally {
      busyRef.current = false;
      setEnding(false);
    }
  }, [id, setView]);

  return { summary, ending, endError, endInterview };
}
