/** The parts of a zod issue a summary needs (zod 4's `$ZodIssue` has them). */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Validation issues as one short line a model can act on ("score: expected number, received
 * string; missed: required"). Short, because it goes back into the prompt of the next try.
 */
export function summarizeIssues(issues: readonly SchemaIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(the whole object)";
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > limit ? `; and ${issues.length - limit} more` : "";
  return `${shown.join("; ")}${more}`;
}
