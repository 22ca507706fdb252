/**
 * Repairs mojibake: UTF-8 text that was once decoded as Windows-1252 and saved again, so that
 * `What’s` reads `Whatâ€™s` and `👉` reads `ðŸ‘‰`. Each garbled run is turned back into the bytes
 * it came from and decoded as UTF-8, but only where those bytes form one valid UTF-8 character of
 * a plausible kind, so real accented words (`café`, `Straße“`), Chinese and LaTeX are left alone.
 */

// Windows-1252 bytes 0x80–0x9F; the five bytes it leaves undefined pass through as C1 controls.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

const BYTE_OF = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  BYTE_OF.set(byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte), byte);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** How many bytes a UTF-8 sequence starting with this lead byte has (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Two-byte sequences collide with real Latin-1 pairs (`ß` + `“`), so their result must be a
 * letter from a script that commonly suffers this: Latin, Greek, Cyrillic, Hebrew, Arabic.
 */
function plausibleTwoByte(codePoint: number): boolean {
  return (
    (codePoint >= 0xa0 && codePoint <= 0x17f) ||
    (codePoint >= 0x391 && codePoint <= 0x3c9) ||
    (codePoint >= 0x400 && codePoint <= 0x45f) ||
    (codePoint >= 0x5d0 && codePoint <= 0x5ea) ||
    (codePoint >= 0x621 && codePoint <= 0x64a)
  );
}

/** The character these garbled characters stood for, or null when they are not mojibake. */
function repairAt(chars: string[], start: number): { text: string; length: number } | null {
  const lead = BYTE_OF.get(chars[start]!);
  const length = lead === undefined ? 0 : sequenceLength(lead);
  if (!length || start + length > chars.length) return null;
  const bytes = new Uint8Array(length);
  bytes[0] = lead!;
  for (let offset = 1; offset < length; offset++) {
    const byte = BYTE_OF.get(chars[start + offset]!);
    if (byte === undefined || byte > 0xbf) return null;
    bytes[offset] = byte;
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return null;
  }
  const codePoint = text.codePointAt(0)!;
  if (length === 2 && !plausibleTwoByte(codePoint)) return null;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return null;
  // A garbled byte-order mark in mid-text is noise, not content.
  return { text: codePoint === 0xfeff ? "" : text, length };
}

function repairOnce(text: string): string {
  const chars = Array.from(text);
  let out = "";
  for (let index = 0; index < chars.length; ) {
    const repaired = repairAt(chars, index);
    if (repaired) {
      out += repaired.text;
      index += repaired.length;
    } else {
      out += chars[index];
      index++;
    }
  }
  return out;
}

/** The text with Windows-1252 mojibake turned back into the characters meant (twice-garbled too). */
export function fixMojibake(text: string): string {
  // Only non-ASCII Latin-1/CP1252 characters can start a garbled run; most text has none.
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  let current = text;
  for (let pass = 0; pass < 2; pass++) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
