/**
 * Finds the JSON a model meant to send in what it actually sent. Even with JSON mode on, many
 * OpenAI-compatible servers and small models wrap it in ```json fences, add a sentence before or
 * after, or think aloud in <think> blocks first (reasoning models served by Ollama or vLLM).
 */

// Bounds the work on a long reply full of braces that are not JSON.
const MAX_CANDIDATES = 64;

/**
 * The JSON value in a model's reply: the whole reply when it is JSON, else the first fenced block
 * that parses, else the first balanced `{...}` that parses. Undefined when there is none.
 */
export function extractJson(reply: string): unknown {
  const text = reply.replace(/<think>[\s\S]*?<\/think>/gi, "").trim();
  const whole = tryParse(text);
  if (whole !== undefined) return whole;

  for (const fence of text.matchAll(/```[\w-]*[^\S\n]*\n?([\s\S]*?)```/g)) {
    const fenced = tryParse(fence[1]!.trim());
    if (fenced !== undefined) return fenced;
  }

  let candidates = 0;
  for (let start = text.indexOf("{"); start !== -1 && candidates < MAX_CANDIDATES; start = text.indexOf("{", start + 1)) {
    candidates++;
    const end = matchingBrace(text, start);
    if (end === -1) continue;
    const value = tryParse(text.slice(start, end + 1));
    if (value !== undefined) return value;
  }
  return undefined;
}

function tryParse(text: string): unknown {
  if (!/^[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Index of the `}` closing the `{` at `start`, skipping braces inside strings; -1 when unbalanced. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  return -1;
}
