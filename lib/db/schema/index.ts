/** The database schema: one file per table, gathered here for drizzle and drizzle-kit. */
export { documents } from "./documents";
export { questions } from "./questions";
export { questionSources } from "./question-sources";
export { chunks } from "./chunks";
export { searchTerms } from "./search-terms";
export { searchTotals } from "./search-totals";
export { abbreviations } from "./abbreviations";
