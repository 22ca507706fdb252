import type { Metadata } from "next";
import { requirePagePerson } from "@/lib/auth/current-person";
import { getEnv } from "@/lib/env";
import { getLibrary, UPLOAD_EXTENSIONS, uploadFolderOf } from "@/lib/interview/library";
import { citationHref } from "../_components/interview/citation-links";
import { Markdown } from "../_components/markdown";
import { UploadDocuments } from "../_components/upload-documents";
import { removeDocument } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Library · Mock-interview coach" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** The documents and the questions found in each, searchable; documents can be added from here. */
export default async function LibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = first(params.q).slice(0, 200);
  const removed = first(params.removed);
  const person = await requirePagePerson("/library");
  const library = await getLibrary({ query, visibleTo: person.id });
  return (
    <>
      <h1>Library</h1>
      <p className="lead">
        {library.documents.length === 0 && !query
          ? "No documents yet."
          : `${library.totalQuestions} questions in your documents.`}
      </p>
      {removed && <p className="success">Removed {removed} and its questions.</p>}

      <section className="card" aria-labelledby="add-heading">
        <h2 id="add-heading">Upload documents</h2>
        <UploadDocuments
          accept={UPLOAD_EXTENSIONS.join(",")}
          folder={uploadFolderOf(person.id)}
          private={person.signedIn}
          maxDocuments={getEnv().MAX_DOCUMENTS_PER_UPLOAD}
          maxMegabytes={getEnv().INGEST_MAX_DOCUMENT_MB}
        />
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">Documents and questions</h2>
        <form role="search" action="/library" className="search-form">
          <label htmlFor="search-questions">Search questions</label>
          <input id="search-questions" type="search" name="q" defaultValue={query} maxLength={200} />
          <button type="submit">Search</button>
          {query && <a href="/library">Clear search</a>}
        </form>
        {query && (
          <p>
            {library.matchingQuestions} of {library.totalQuestions} questions match “{query}”.
          </p>
        )}
        {library.documents.length === 0 && !query && (
          <p className="empty-state">Add documents above, or put them in <code>content/</code> and restart the app.</p>
        )}
        {library.documents.map((document, index) => (
          <section key={document.path} className="card library-document" aria-labelledby={`document-${index}`}>
            <h3 id={`document-${index}`}>{document.path}</h3>
            <p className="sources">
              {document.questions.length} {document.questions.length === 1 ? "question" : "questions"}
              {query ? " matching" : ""} · <a href={`/documents/view?path=${encodeURIComponent(document.path)}`}>View document</a>
            </p>
            {document.uploaded && (
              <details className="remove">
                <summary>Remove…</summary>
                <form action={removeDocument}>
                  <input type="hidden" name="path" value={document.path} />
                  <p>This deletes the file {document.path} and the questions only it asks.</p>
                  <button type="submit" className="danger">
                    Remove {document.path}
                  </button>
                </form>
              </details>
            )}
            <ol className="question-list">
              {document.questions.map((question) => (
                <li key={`${question.id}:${question.line}`}>
                  <details>
                    <summary>{question.question}</summary>
                    {question.answer === null ? <p className="muted">No reference answer in your documents.</p> : <Markdown text={question.answer} className="reference-answer" />}
                    <p className="sources">
                      {question.topic} · <a href={citationHref({ document: document.path, line: question.line })}>{document.path}, line {question.line}</a>
                    </p>
                  </details>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>
    </>
  );
}
