/**
 * Deterministic choices for the template interviewer: the same seed gives the same wording (so a
 * replayed session reads the same and tests can pin it), different seeds vary it.
 */

/** A seed for wording: a number or a string (a session id with a turn number, say). */
export type PhraseSeed = number | string;

/** FNV-1a over the seed and a salt, so each choice within one turn varies on its own. */
function hash(seed: PhraseSeed, salt: string): number {
  let value = 0x811c9dc5;
  for (const char of `${seed}\u0000${salt}`) {
    value ^= char.codePointAt(0)!;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  // One xorshift round spreads consecutive seeds over the whole range.
  value ^= value >>> 15;
  value = Math.imul(value, 0x2c1b3c6d) >>> 0;
  return (value ^ (value >>> 12)) >>> 0;
}

/** One of `items`, chosen by the seed and the salt. Pure. */
export function pick<T>(items: readonly T[], seed: PhraseSeed, salt: string): T {
  if (items.length === 0) throw new Error(`pick: no items for "${salt}"`);
  return items[hash(seed, salt) % items.length]!;
}

/** True for about `share` of seeds (0 to 1), independently per salt. Pure. */
export function chance(share: number, seed: PhraseSeed, salt: string): boolean {
  return hash(seed, salt) % 1000 < share * 1000;
}
