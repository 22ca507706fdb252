import { requirePagePerson } from "@/lib/auth/current-person";
import { getInterviewHome } from "@/lib/interview/interview-service";
import { getSystemStatus } from "@/lib/interview/system-status";
import { EmbeddingNotice } from "./_components/embedding-notice";
import { StartInterviewForm } from "./_components/start-interview-form";

// The page reads the live database; never prerender it at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const person = await requirePagePerson("/");
  const [status, home] = await Promise.all([getSystemStatus({ visibleTo: person.id }), getInterviewHome({ ownerId: person.id })]);
  const { corpus, database, embeddings } = status;
  const interviewer = home.mode === "llm" ? `LLM: ${home.model ?? "configured model"}` : "Offline: template interviewer and offline grader";
  return (
    <>
      <h1>Practise interviews on your own notes</h1>
      <p className="lead">
        Your study documents become a question bank; an interviewer asks, grades your answers against your own
        reference answers, and follows up on what you missed.
      </p>

      <section className="card" aria-labelledby="corpus-heading">
        <h2 id="corpus-heading">Your study material</h2>
        {corpus.documents === 0 ? (
          <p>
            No documents are indexed yet. <a href="/library">Add documents in the library</a>, or put study documents
            (Markdown, HTML, plain text or PDF) in the <code>content/</code> folder and restart the app (or run{" "}
            <code>npm run cli -- ingest</code>).
          </p>
        ) : (
          <>
            <dl className="facts">
              <dt>Documents</dt>
              <dd>{corpus.documents}</dd>
              <dt>Questions</dt>
              <dd>{corpus.questions}</dd>
              <dt>Topics</dt>
              <dd>{home.topics.length}</dd>
              <dt>Indexed passages</dt>
              <dd>{corpus.chunks}</dd>
            </dl>
            <p>
              <a href="/questions">Browse the question bank</a> · <a href="/library">Open the library</a>
            </p>
          </>
        )}
      </section>

      {home.questions > 0 && (
        <section className="card" aria-labelledby="start-heading">
          <h2 id="start-heading">Start an interview</h2>
          <StartInterviewForm topics={home.topics} due={home.due} />
        </section>
      )}

      <section className="card" aria-labelledby="system-heading">
        <h2 id="system-heading">How it runs</h2>
        <dl className="facts">
          <dt>Interviewer</dt>
          <dd>{interviewer}</dd>
          <dt>Database</dt>
          <dd>{database.kind === "pglite" ? "Embedded PostgreSQL (PGlite)" : "PostgreSQL"}</dd>
          <dt>Search</dt>
          <dd>
            {embeddings.tier === "semantic"
              ? `Semantic and full-text (${embeddings.modelId}, ${embeddings.dims} dimensions)`
              : "Full-text only"}
          </dd>
        </dl>
        {home.mode === "offline" && (
          <p className="hint">
            Set <code>OPENAI_API_KEY</code> (or <code>OPENAI_BASE_URL</code> for a local server such as Ollama) for a
            conversational interviewer and an LLM grader.
          </p>
        )}
        <EmbeddingNotice status={embeddings} />
      </section>
    </>
  );
}
