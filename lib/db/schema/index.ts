/** The database schema: one file per table, gathered here for drizzle and drizzle-kit. */
export { documents } from "./documents";
export { questions } from "./questions";
export { questionSources } from "./question-sources";
export { chunks } from "./chunks";
export { searchTerms } from "./search-terms";
export { searchTotals } from "./search-totals";
export { abbreviations } from "./abbreviations";
export { interviewSessions } from "./interview-sessions";
export { interviewMessages } from "./interview-messages";
export { interviewAnswers } from "./interview-answers";
export { reviewCards } from "./review-cards";
export { people } from "./people";
