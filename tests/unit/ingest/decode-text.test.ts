import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeText, findInvalidUtf8, looksBinary, stripBom } from "@/lib/ingest/decode-text";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("decodeText", () => {
  it("decodes UTF-8, multi-byte characters included", () => {
    expect(decodeText(utf8("What’s 神经网络? 👉 café"))).toBe("What’s 神经网络? 👉 café");
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8("1. Why?")))).toBe("1. Why?");
    expect(stripBom(utf8("abc"))).toEqual(utf8("abc"));
  });

  it("refuses Latin-1 bytes, naming the byte and its offset", () => {
    const error = errorOf(() => decodeText(bytes(...utf8("caf"), 0xe9, ...utf8(" au lait"))));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain("not valid UTF-8");
    expect(error.message).toContain("byte offset 3 (0xE9)");
  });

  it("counts the offset in the stored bytes, byte-order mark included", () => {
    expect(errorOf(() => decodeText(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff))).message).toContain("byte offset 4 (0xFF)");
  });

  it("refuses binary content", () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
    const error = errorOf(() => decodeText(png));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/binary/);
  });
});

describe("looksBinary", () => {
  it("flags NUL bytes and runs of control characters, not tabs and newlines", () => {
    expect(looksBinary(bytes(0x41, 0x00, 0x42))).toBe(true);
    expect(looksBinary(bytes(...Array.from({ length: 50 }, (_, index) => (index % 2 ? 0x01 : 0x41))))).toBe(true);
    expect(looksBinary(utf8("a\tb\r\nc\fd\n"))).toBe(false);
    expect(looksBinary(bytes(0xe9, 0xe8))).toBe(false);
  });
});

describe("findInvalidUtf8", () => {
  it("accepts valid text and finds the first bad byte", () => {
    expect(findInvalidUtf8(utf8("ok 神 👉"))).toBe(-1);
    expect(findInvalidUtf8(bytes(0x41, 0x80))).toBe(1); // stray continuation byte
    expect(findInvalidUtf8(bytes(0x41, 0xe2, 0x82))).toBe(1); // truncated sequence
    expect(findInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0); // overlong "/"
    expect(findInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // UTF-16 surrogate
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
  });
});
