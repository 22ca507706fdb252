import type { Metadata } from "next";
import { requirePagePerson } from "@/lib/auth/current-person";
import { getQuestionBank } from "@/lib/interview/question-bank";
import { Markdown } from "../_components/markdown";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Question bank · Mock-interview coach" };

export default async function QuestionBankPage() {
  const person = await requirePagePerson("/questions");
  const groups = await getQuestionBank({ visibleTo: person.id });
  const total = groups.reduce((sum, group) => sum + group.questions.length, 0);
  if (total === 0) {
    return (
      <>
        <h1>Question bank</h1>
        <p>
          No questions yet. Put study documents in <code>content/</code> and restart the app, or run{" "}
          <code>npm run cli -- ingest</code>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Question bank</h1>
      <p className="lead">
        {total} questions in {groups.length} topics, from your documents.
      </p>
      <nav aria-label="Topics" className="card">
        <ul className="topic-list">
          {groups.map((group) => (
            <li key={group.topic}>
              <a href={`#${slug(group.topic)}`}>{group.topic}</a> ({group.questions.length})
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.topic} aria-labelledby={slug(group.topic)}>
          <h2 id={slug(group.topic)}>{group.topic}</h2>
          <ol className="question-list">
            {group.questions.map((item) => (
              <li key={item.id}>
                <details>
                  <summary>{item.question}</summary>
                  {item.answer === null ? (
                    <p className="muted">No reference answer in your documents.</p>
                  ) : (
                    <Markdown text={item.answer} className="answer" />
                  )}
                  <p className="sources">
                    {item.sources.map((source) => `${source.document}, line ${source.line}`).join(" · ")}
                  </p>
                </details>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function slug(text: string): string {
  return `topic-${text.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}
