/**
 * The app's work in a process of its own, for tests that kill it (SIGKILL) or stop and restart
 * it: `node --conditions react-server --import tsx tests/integration/support/interview-child.ts <command> ...`,
 * configured by the environment as the app is (DATA_DIR or DATABASE_URL, OPENAI_*). Each command
 * prints JSON lines on stdout; events as they happen, a result last.
 *
 * - `ingest <root> <input>`: ingests, one `progress` line per document, then the summary.
 * - `start <topic> <questions>`: starts an interview; prints its id and view.
 * - `answer <id> <clientMessageId> <text>`: one turn; `stored` once the message is stored.
 * - `view <id>`: loads the interview as the page does (which grades an answer a killed turn left).
 * - `answers <id>`: the stored answers and messages, read without loading the interview.
 * - `corpus`: every document with its number of question sources, and the corpus's counts.
 * - `work`: interviews in both graders' absence of an LLM, answered and one ended; prints the
 *   snapshot, then waits for SIGTERM to stop.
 * - `snapshot`: every interview, message, answer and grade stored.
 */
import { LOCAL_OWNER } from "@/lib/auth/owner";
import { count, eq } from "drizzle-orm";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { getCorpusCounts } from "@/lib/db/queries/corpus";
import { listSessionAnswers } from "@/lib/db/queries/interview-answers";
import { listInterviewMessages } from "@/lib/db/queries/interview-messages";
import { listInterviewSessions } from "@/lib/db/queries/interview-sessions";
import { documents, questionSources } from "@/lib/db/schema";
import { ingestDocuments } from "@/lib/ingest/ingest-documents";
import * as service from "@/lib/interview/interview-service";

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const [command, ...args] = process.argv.slice(2);
const { db } = await getDatabase();

async function snapshot() {
  const sessions = await listInterviewSessions({ ownerId: LOCAL_OWNER, db, limit: 1000 });
  return Promise.all(
    sessions.map(async (session) => ({
      id: session.id,
      status: session.status,
      position: session.position,
      messages: (await listInterviewMessages({ db, sessionId: session.id })).map((row) => ({ id: row.id, seq: row.seq, kind: row.kind, text: row.text })),
      answers: (await listSessionAnswers({ db, sessionId: session.id })).map((row) => ({ id: row.id, text: row.text, score: row.score, grader: row.grader, grade: row.grade })),
    })),
  );
}

switch (command) {
  case "ingest": {
    const [root, input] = args as [string, string];
    const summary = await ingestDocuments({ db, embedder: null, inputs: [input], root, maxBytes: 1024 * 1024, onProgress: (progress) => print({ event: "progress", ...progress }) });
    print({ event: "ingested", ...summary });
    break;
  }
  case "start": {
    const [topic, questions] = args as [string, string];
    const { id } = await service.startInterview({ topics: [topic], questionCount: Number(questions), style: "neutral", voice: false, dueOnly: false }, { ownerId: LOCAL_OWNER });
    print({ event: "started", id, view: await service.getInterviewView({ id, ownerId: LOCAL_OWNER }) });
    break;
  }
  case "answer": {
    const [sessionId, clientMessageId, text] = args as [string, string, string];
    const turn = await service.takeTurn({ ownerId: LOCAL_OWNER, sessionId, clientMessageId, text, onStored: () => print({ event: "stored" }) });
    print({ event: "replied", kinds: turn.messages.map((message) => message.kind) });
    break;
  }
  case "view":
    print({ event: "view", view: await service.getInterviewView({ id: args[0]!, ownerId: LOCAL_OWNER }) });
    break;
  case "answers":
    print({ event: "answers", answers: await listSessionAnswers({ db, sessionId: args[0]! }), messages: await listInterviewMessages({ db, sessionId: args[0]! }) });
    break;
  case "corpus": {
    const rows = await db
      .select({ path: documents.path, sources: count(questionSources.id) })
      .from(documents)
      .leftJoin(questionSources, eq(questionSources.documentId, documents.id))
      .groupBy(documents.path);
    print({ event: "corpus", documents: rows, counts: await getCorpusCounts({ db }) });
    break;
  }
  case "work": {
    for (const topic of ["Regularisation", "Optimisation and training", "Regularisation"]) {
      const { id } = await service.startInterview({ topics: [topic], questionCount: 2, style: "friendly", voice: false, dueOnly: false }, { ownerId: LOCAL_OWNER });
      for (let turn = 0; turn < 8 && (await service.getInterviewView({ id, ownerId: LOCAL_OWNER }))!.awaitingAnswer; turn++) {
        await service.takeTurn({ ownerId: LOCAL_OWNER, sessionId: id, clientMessageId: `work-${turn}`, text: `It prevents overfitting by changing how the weights are trained, step ${turn}.` });
      }
      if (topic === "Optimisation and training") await service.endInterview({ id, ownerId: LOCAL_OWNER });
    }
    // Serving until told to stop, as the app does. Listening before printing: the parent may
    // read the line and signal before the write call has even returned here.
    const alive = setInterval(() => {}, 60_000);
    const stopped = new Promise<void>((resolve) => process.once("SIGTERM", () => resolve()));
    print({ event: "snapshot", sessions: await snapshot() });
    await stopped;
    clearInterval(alive);
    break;
  }
  case "snapshot":
    print({ event: "snapshot", sessions: await snapshot() });
    break;
  default:
    process.stderr.write(`unknown command ${command}\n`);
    process.exitCode = 2;
}
await closeDatabase();
