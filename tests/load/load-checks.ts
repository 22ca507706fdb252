/**
 * What the load test checks over HTTP once the load is over: that no interview received another
 * interview's answers, that each answer was stored once and graded, and that a message POSTed
 * twice at the same moment (a double click) is stored once.
 */

interface ViewMessage {
  role: string;
  kind: string;
  text: string;
  grade?: { score: number } | null;
}

/** The marker that makes an answer traceable: `m<session>x<number>`. */
export const marker = (session: number, number: number) => `m${session}x${number}`;
const MARKER = /\bm(\d+)x(\d+)\b/g;

export async function readView(url: string, id: string): Promise<{ messages: ViewMessage[] }> {
  const response = await fetch(`${url}/api/interviews/${id}`);
  if (!response.ok) throw new Error(`GET /api/interviews/${id}: ${response.status}`);
  return (await response.json()) as { messages: ViewMessage[] };
}

export interface IsolationReport {
  sessions: number;
  /** Markers found in stored messages. */
  stored: number;
  /** Markers of another session found in a session's messages. */
  foreign: number;
  /** Markers stored more than once within their session. */
  duplicates: number;
  /** Markers the server acknowledged (a complete reply) but that are not stored. */
  missing: number;
  /** Stored answers with no feedback after them. */
  ungraded: number;
}

/** Reads every session back through GET /api/interviews/{id} and checks each holds only its own markers, once. */
export async function checkIsolation(url: string, ids: readonly string[], acknowledged: readonly Set<string>[]): Promise<IsolationReport> {
  const report: IsolationReport = { sessions: ids.length, stored: 0, foreign: 0, duplicates: 0, missing: 0, ungraded: 0 };
  for (const [index, id] of ids.entries()) {
    const { messages } = await readView(url, id);
    const seen = new Set<string>();
    for (const [position, message] of messages.entries()) {
      if (message.role !== "candidate") continue;
      for (const match of message.text.matchAll(MARKER)) {
        report.stored++;
        if (Number(match[1]) !== index) report.foreign++;
        if (seen.has(match[0])) report.duplicates++;
        seen.add(match[0]);
      }
      if (message.kind === "answer" && messages[position + 1]?.kind !== "feedback") report.ungraded++;
    }
    for (const sent of acknowledged[index] ?? []) if (!seen.has(sent)) report.missing++;
  }
  return report;
}

/** Sends each of `pairs` messages twice at once, with one client id, and counts those stored once. */
export async function checkDoubleSubmit(url: string, ids: readonly string[], offset: number): Promise<{ pairs: number; storedOnce: number; statuses: number[] }> {
  const statuses: number[] = [];
  let storedOnce = 0;
  for (const [index, id] of ids.entries()) {
    const text = `Regularisation keeps the weights small so the model generalises, ${marker(offset + index, 999_999)}.`;
    const body = JSON.stringify({ clientMessageId: `double-${index}-${Date.now()}`, text });
    const post = () => fetch(`${url}/api/interviews/${id}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body }).then(async (response) => (await response.text(), response.status));
    statuses.push(...(await Promise.all([post(), post()])));
    const { messages } = await readView(url, id);
    if (messages.filter((message) => message.role === "candidate" && message.text === text).length === 1) storedOnce++;
  }
  return { pairs: ids.length, storedOnce, statuses };
}
