import { requirePagePerson } from "@/lib/auth/current-person";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScrollToLine } from "@/app/_components/scroll-to-line";
import { AppError } from "@/lib/errors";
import { readLibraryDocument, type DocumentText } from "@/lib/interview/library";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Document · Mock-interview coach" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One study document as text with line numbers, the cited line marked and scrolled to. */
export default async function DocumentViewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const path = typeof params.path === "string" ? params.path : "";
  const line = Number(typeof params.line === "string" ? params.line : NaN);
  const person = await requirePagePerson(`/documents/view?path=${encodeURIComponent(path)}`);
  const loaded = await load(path, person.id);
  if (!loaded) notFound();
  if (typeof loaded === "string") {
    return (
      <>
        <h1 className="document-title">{path}</h1>
        <p role="alert" className="form-error">
          {loaded}
        </p>
      </>
    );
  }
  const document = loaded;
  const cited = Number.isInteger(line) && line >= 1 && line <= document.lines.length ? line : null;
  return (
    <>
      <h1 className="document-title">{document.path}</h1>
      <p className="lead">
        {document.lines.length} lines{cited ? ` · line ${cited} is marked` : ""} · <a href="/library">Back to the library</a>
      </p>
      <ol className="document-lines" aria-label={`Text of ${document.path}`}>
        {document.lines.map((text, index) => (
          <li key={index} id={`L${index + 1}`} className={index + 1 === cited ? "cited" : undefined} aria-current={index + 1 === cited ? "location" : undefined}>
            <span className="line-text">{text || "\u00a0"}</span>
          </li>
        ))}
      </ol>
      {cited && <ScrollToLine line={cited} />}
    </>
  );
}

/** The document, null when there is no such document to show, or why it cannot be shown. */
async function load(path: string, visibleTo: string): Promise<DocumentText | string | null> {
  if (!path) return null;
  try {
    return await readLibraryDocument({ path, visibleTo });
  } catch (error) {
    // Outside content/, not indexed, someone else's, gone from disk: all the same to a visitor, a missing page.
    if (error instanceof AppError && error.code === "not_found") return null;
    if (error instanceof AppError && error.code !== "internal") return error.message;
    throw error;
  }
}
