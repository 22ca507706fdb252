import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("limits in the configuration", () => {
  it("defaults: 20,000 characters an answer, 30 messages a minute, 20 documents an upload of 10 MB each", () => {
    expect(parseEnv({})).toMatchObject({ MAX_ANSWER_CHARS: 20_000, RATE_LIMIT_MESSAGES_PER_MINUTE: 30, MAX_DOCUMENTS_PER_UPLOAD: 20, INGEST_MAX_DOCUMENT_MB: 10 });
  });

  it("reads each limit, and 0 turns the message rate off", () => {
    const env = parseEnv({ MAX_ANSWER_CHARS: "500", RATE_LIMIT_MESSAGES_PER_MINUTE: "0", MAX_DOCUMENTS_PER_UPLOAD: "3", INGEST_MAX_DOCUMENT_MB: "0.5" });
    expect(env).toMatchObject({ MAX_ANSWER_CHARS: 500, RATE_LIMIT_MESSAGES_PER_MINUTE: 0, MAX_DOCUMENTS_PER_UPLOAD: 3, INGEST_MAX_DOCUMENT_MB: 0.5 });
  });

  it("names each wrong limit and what it expects", () => {
    const parse = () => parseEnv({ MAX_ANSWER_CHARS: "10", RATE_LIMIT_MESSAGES_PER_MINUTE: "-1", MAX_DOCUMENTS_PER_UPLOAD: "two" });
    expect(parse).toThrow(/MAX_ANSWER_CHARS: expected at least 100 \(characters\) \(got "10"\)/);
    expect(parse).toThrow(/RATE_LIMIT_MESSAGES_PER_MINUTE: expected 0 \(off\) or more/);
    expect(parse).toThrow(/MAX_DOCUMENTS_PER_UPLOAD: expected a number of documents/);
  });
});
