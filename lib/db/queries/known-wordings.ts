import type { IndexPolicy } from "./documents";

/**
 * The stored wordings a new question is matched against during ingestion. Without blocking keys
 * every new question is compared with every stored wording, so ingestion grows with the square of
 * the corpus; with them (IndexPolicy.blockingKeys) only wordings sharing a key are compared, and
 * since two wordings the policy calls the same always share one, the result is the same: the
 * first matching wording in the order they were added.
 */
export class KnownWordings {
  private readonly rows: { questionId: string; question: string }[] = [];
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly policy: Pick<IndexPolicy, "isSameQuestion" | "blockingKeys">) {}

  add(row: { questionId: string; question: string }): void {
    const index = this.rows.push(row) - 1;
    const keys = this.policy.blockingKeys?.(row.question).all;
    if (!keys) return;
    for (const key of new Set(keys)) {
      const list = this.byKey.get(key);
      if (list) list.push(index);
      else this.byKey.set(key, [index]);
    }
  }

  /** The question id of the first stored wording the policy calls the same as `question`, if any. */
  findSame(question: string): string | undefined {
    const keys = this.policy.blockingKeys?.(question).probe;
    if (!keys) return this.rows.find((row) => this.policy.isSameQuestion(row.question, question))?.questionId;
    const candidates = new Set<number>();
    for (const key of keys) for (const index of this.byKey.get(key) ?? []) candidates.add(index);
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const row = this.rows[index]!;
      if (this.policy.isSameQuestion(row.question, question)) return row.questionId;
    }
    return undefined;
  }
}
