import { getSystemStatus } from "@/lib/interview/system-status";
import { EmbeddingNotice } from "./_components/embedding-notice";

// The page reads the live database; never prerender it at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const status = await getSystemStatus();
  const { corpus, database, embeddings } = status;
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
            No documents are indexed yet. Put study documents (Markdown, HTML, plain text or PDF) in the{" "}
            <code>content/</code> folder and restart the app, or run <code>npm run cli -- ingest</code>.
          </p>
        ) : (
          <>
            <dl className="facts">
              <dt>Documents</dt>
              <dd>{corpus.documents}</dd>
              <dt>Questions</dt>
              <dd>{corpus.questions}</dd>
              <dt>Indexed passages</dt>
              <dd>{corpus.chunks}</dd>
            </dl>
            <p>
              <a href="/questions">Browse the question bank</a>
            </p>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="system-heading">
        <h2 id="system-heading">How it runs</h2>
        <dl className="facts">
          <dt>Database</dt>
          <dd>{database.kind === "pglite" ? "Embedded PostgreSQL (PGlite)" : "PostgreSQL"}</dd>
          <dt>Search</dt>
          <dd>
            {embeddings.tier === "semantic"
              ? `Semantic and full-text (${embeddings.modelId}, ${embeddings.dims} dimensions)`
              : "Full-text only"}
          </dd>
        </dl>
        <EmbeddingNotice status={embeddings} />
      </section>
    </>
  );
}
