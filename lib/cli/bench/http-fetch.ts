import http from "node:http";
import zlib from "node:zlib";

/** One HTTP response as it crossed the wire: its bytes as sent (compressed or not) and decoded. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Body bytes as transferred (after chunked framing, before content decoding). */
  transferredBytes: number;
  body: Buffer;
  /** Time to the last byte of the body, in milliseconds. */
  ms: number;
}

/**
 * A GET or POST over plain HTTP that, unlike fetch, reports the bytes a browser would download:
 * it asks for compression as a browser does and decodes the body itself.
 */
export function request(url: string, { method = "GET", body, agent }: { method?: string; body?: unknown; agent?: http.Agent } = {}): Promise<RawResponse> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: { "accept-encoding": "br, gzip, deflate", ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("error", reject);
        res.on("end", () => {
          const ms = performance.now() - started;
          const raw = Buffer.concat(parts);
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, transferredBytes: raw.length, body: decode(raw, res.headers["content-encoding"]), ms });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer from ${url} in 60 s`)));
    req.end(payload);
  });
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case "br":
      return zlib.brotliDecompressSync(raw);
    case "gzip":
      return zlib.gunzipSync(raw);
    case "deflate":
      return zlib.inflateSync(raw);
    default:
      return raw;
  }
}

/** The `src` of every external `<script>` in a page, in order, once each, entities decoded. */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const [, , src] of html.matchAll(/<script\b[^>]*?\bsrc=(["'])(.*?)\1/gi)) {
    const decoded = src!.replace(/&amp;/g, "&").replace(/&#x2F;/gi, "/").replace(/&quot;/g, '"');
    if (!sources.includes(decoded)) sources.push(decoded);
  }
  return sources;
}

/** The text of every inline `<script>` (no src) of a page. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(([, text]) => text!).filter((text) => text.trim() !== "");
}
