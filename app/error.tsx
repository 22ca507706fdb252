"use client";

/** Shown when a page fails on the server (e.g. the database is unreachable): say so, offer a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card error" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be loaded. Details are in the server log{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
