import { isTransientConnectionError } from "@/lib/errors";

/**
 * Runs `work`, and once more after a short pause when it failed because the database connection
 * was lost or refused (a restarted server, a killed backend): the pool reconnects on the next
 * query. Only for work that is safe to run twice: reads, and writes keyed so that a second run
 * finds the first one's row instead of adding another. Other errors, and a second transient
 * failure, are thrown as they are.
 */
export async function retryTransient<T>(work: () => Promise<T>, { retries = 1, delayMs = 250 }: { retries?: number; delayMs?: number } = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= retries || !isTransientConnectionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
