import type { SourceCitation } from "@/lib/interview/types";

/** Where a citation opens: the document viewer, scrolled to the cited line. */
export function citationHref({ document, line }: SourceCitation): string {
  return `/documents/view?path=${encodeURIComponent(document)}&line=${line}#L${line}`;
}

/** "Source: content/notes.md, line 12" links, one per citation (duplicates shown once). */
export function CitationLinks({ citations, label = "Source" }: { citations: SourceCitation[] | undefined; label?: string }) {
  const unique = [...new Map((citations ?? []).map((citation) => [`${citation.document}:${citation.line}`, citation])).values()];
  if (unique.length === 0) return null;
  return (
    <p className="sources">
      {unique.length === 1 ? label : `${label}s`}:{" "}
      {unique.map((citation, index) => (
        <span key={`${citation.document}:${citation.line}`}>
          {index > 0 && " · "}
          <a href={citationHref(citation)}>
            {citation.document}, line {citation.line}
          </a>
        </span>
      ))}
    </p>
  );
}
