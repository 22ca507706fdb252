/**
 * Median time of `runs` calls, in milliseconds. Work that returns a number is taken to have timed
 * itself (to leave set-up out); otherwise its wall time counts.
 */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await timed(work));
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

/**
 * Times two alternatives interleaved (A, B, A, B...) so machine noise hits both alike, and gives
 * their medians and the ratio A/B: on a noisy machine the ratio means more than either time.
 */
export async function compareMs(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<{ a: number; b: number; ratio: number }> {
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let run = 0; run < runs; run++) {
    timesA.push(await timed(a));
    timesB.push(await timed(b));
  }
  const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
  return { a: round(median(timesA)), b: round(median(timesB)), ratio: round(median(timesA) / median(timesB), 3) };
}

export interface Percentiles {
  p50: number;
  p95: number;
}

/**
 * The 50th and 95th percentiles of the times (nearest rank: the smallest time with at least that
 * share of the times at or below it), rounded to `digits`; zeros for no times.
 */
export function percentiles(times: readonly number[], digits = 2): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number) => round(sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0, digits);
  return { p50: at(0.5), p95: at(0.95) };
}

/** Rounds to `digits` decimals (default 1). */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const result = await work();
  return typeof result === "number" ? result : performance.now() - started;
}
