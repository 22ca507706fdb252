/**
 * Reads a streamed NDJSON body (one JSON value per line) and hands each value over as it arrives,
 * so progress and tokens show while the server still works. A line cut in two across chunks is
 * joined before parsing.
 */
export async function readNdjson(response: Response, onValue: (value: unknown) => void): Promise<void> {
  if (!response.body) throw new Error("The server sent no reply.");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onValue(JSON.parse(line));
      newline = buffered.indexOf("\n");
    }
  }
  if (buffered.trim()) onValue(JSON.parse(buffered));
}

/** The message of a JSON error reply `{ error: { message } }`, or a plain sentence for anything else. */
export async function errorMessageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string" && body.error.message) return body.error.message;
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to the status.
  }
  if (response.status === 413) return "That is too large to send.";
  return `The server could not do that (error ${response.status}). Try again.`;
}
