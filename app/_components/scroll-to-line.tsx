"use client";

import { useEffect } from "react";

/** Brings the cited line into view even when the link that opened the page had no #L anchor. */
export function ScrollToLine({ line }: { line: number }) {
  useEffect(() => {
    document.getElementById(`L${line}`)?.scrollIntoView({ block: "center" });
  }, [line]);
  return null;
}
