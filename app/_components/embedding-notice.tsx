import type { EmbeddingStatus } from "@/lib/interview/system-status";

/** Says plainly when semantic search is off, why, and how to turn it on. */
export function EmbeddingNotice({ status }: { status: EmbeddingStatus }) {
  if (status.tier === "semantic") return null;
  return (
    <p className="notice" role="status">
      {status.notice}
    </p>
  );
}
