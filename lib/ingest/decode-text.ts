import { AppError } from "@/lib/errors";

/**
 * Bytes to text, refusing what is not UTF-8 text rather than guessing: a wrong guess would put
 * garbled questions into someone's interview, while a clear error lets them re-save the file.
 */

const BOM = [0xef, 0xbb, 0xbf];
// Enough of the file to judge it by; binary formats show themselves in their first kilobytes.
const SAMPLE_BYTES = 64 * 1024;
// Control characters are vanishingly rare in text; a few percent of them means a binary format.
const MAX_CONTROL_RATIO = 0.02;

/** The bytes without a leading UTF-8 byte-order mark. */
export function stripBom(bytes: Uint8Array): Uint8Array {
  return BOM.every((value, index) => bytes[index] === value) ? bytes.subarray(BOM.length) : bytes;
}

/** True when the bytes look like a binary file: a NUL byte, or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed, carriage return and escape do occur in text files.
    if ((byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte)) || byte === 0x7f) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_RATIO;
}

/**
 * The byte offset of the first byte that breaks UTF-8 (a stray continuation byte, a truncated
 * sequence, an overlong form, a surrogate, a value past U+10FFFF), or -1 when the bytes are valid.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let min: number;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    else return index;
    // The second byte's range is narrower after some leads: no overlongs, surrogates or > U+10FFFF.
    if (lead === 0xe0) min = 0xa0;
    else if (lead === 0xf0) min = 0x90;
    else min = 0x80;
    if (lead === 0xed) max = 0x9f;
    if (lead === 0xf4) max = 0x8f;
    for (let offset = 1; offset < length; offset++) {
      const byte = bytes[index + offset];
      const low = offset === 1 ? min : 0x80;
      const high = offset === 1 ? max : 0xbf;
      if (byte === undefined || byte < low || byte > high) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * The document's text, decoded as strict UTF-8 after removing a byte-order mark.
 * @throws AppError("bad_request") for binary content or bytes that are not UTF-8, naming the offset.
 */
export function decodeText(bytes: Uint8Array): string {
  const body = stripBom(bytes);
  const bomLength = bytes.length - body.length;
  if (looksBinary(body)) {
    throw new AppError("bad_request", "This file looks binary (it contains NUL or control bytes), not a text document. Use Markdown, HTML, plain text or PDF.");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch (error) {
    const offset = findInvalidUtf8(body);
    const where = offset >= 0 ? ` at byte offset ${offset + bomLength} (0x${body[offset]!.toString(16).toUpperCase().padStart(2, "0")})` : "";
    throw new AppError("bad_request", `This document is not valid UTF-8 text: invalid byte${where}. Save it as UTF-8 and try again.`, { cause: error });
  }
}
