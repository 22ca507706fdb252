import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/** scrypt's cost: 2^15 with r=8 takes about 50-100 ms here, slow enough to make guessing costly. */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;
// scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is exactly that, so give it room.
const MAX_MEMORY = 64 * 1024 * 1024;

/** The longest password accepted: longer ones only cost hashing time. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, cost: number, blockSize: number, parallelism: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, { N: cost, r: blockSize, p: parallelism, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A salted scrypt hash of `password` as `scrypt$N$r$p$salt$hash`, for the people table. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, BLOCK_SIZE, PARALLELISM);
  return ["scrypt", COST, BLOCK_SIZE, PARALLELISM, salt.toString("base64"), key.toString("base64")].join("$");
}

/**
 * True when `password` matches `stored`, compared in constant time. A malformed stored hash never
 * matches (and never throws): a broken row must not let anyone in.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  const [scheme, cost, blockSize, parallelism, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  if (expected.length !== KEY_BYTES) return false;
  try {
    const key = await derive(password, Buffer.from(salt, "base64"), Number(cost), Number(blockSize), Number(parallelism));
    return timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}
