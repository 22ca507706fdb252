import type { DocLine } from "@/lib/ingest/classify-lines";
import { cleanQuestion } from "@/lib/ingest/clean-text";
import { isQuestionLike } from "@/lib/ingest/question-like";

/**
 * What each heading is: the document's title, a question (`## 1. What is…?`, `## Explain…`), a
 * section above questions (`## 1. Deep Learning`), a subsection inside an answer (`### Structural
 * Parallels` under a `##` question), a link (`#### Explore all answers 👉 [site](https://…)`), or
 * a link section (`## Links`, `## References`) whose items are never questions.
 */

export type HeadingRole = "title" | "question" | "section" | "subsection" | "link" | "link-section";

const LINK_SECTION = /^(useful |external |related )?(links?|references?|resources?|sources?|further reading|see also|credits?|acknowledge?ments?|(table of )?contents|toc|bibliography|related|index)\s*:?$/i;
const HAS_LINK = /\]\([^()]*\)|https?:\/\//;

/** True for a heading that is, or carries, a link: navigation, not part of any answer. */
function isLinkHeading(heading: DocLine): boolean {
  return HAS_LINK.test(heading.content);
}

/**
 * Heading levels whose numbered headings are questions: at least two numbered headings there,
 * most of them question-like, so `## 5. Backpropagation` counts among `## 4. What is…?`.
 */
function numberedQuestionLevels(headings: DocLine[]): Set<number> {
  const levels = new Set<number>();
  for (let level = 1; level <= 6; level++) {
    const numbered = headings.filter((heading) => heading.level === level && heading.numbering && !isLinkHeading(heading));
    const questionLike = numbered.filter((heading) => isQuestionLike(cleanQuestion(heading.content)));
    if (numbered.length >= 2 && questionLike.length * 2 >= numbered.length) levels.add(level);
  }
  return levels;
}

/**
 * The first heading is the title when it is a level-1 heading that is not a question and no
 * other level-1 heading competes with it (several would be parts, i.e. sections).
 */
function findTitle(headings: DocLine[]): DocLine | null {
  const first = headings[0];
  if (!first || first.level !== 1 || isQuestionLike(cleanQuestion(first.content)) || isLinkHeading(first)) return null;
  return headings.filter((heading) => heading.level === 1).length === 1 ? first : null;
}

/** The role of every heading, keyed by line index. */
export function assignHeadingRoles(lines: DocLine[]): Map<number, HeadingRole> {
  const headings = lines.filter((line) => line.kind === "heading");
  const roles = new Map<number, HeadingRole>();
  const questionLevels = numberedQuestionLevels(headings);
  const title = findTitle(headings);
  let openQuestion: DocLine | null = null;
  for (const heading of headings) {
    if (heading === title) {
      roles.set(heading.index, "title");
      continue;
    }
    if (isLinkHeading(heading)) {
      roles.set(heading.index, "link");
      openQuestion = null;
      continue;
    }
    // Deeper headings inside a question's answer structure that answer (`### Why use it?` too).
    if (openQuestion && heading.level > openQuestion.level) {
      roles.set(heading.index, "subsection");
      continue;
    }
    openQuestion = null;
    const text = cleanQuestion(heading.content);
    if (text && (isQuestionLike(text) || (heading.numbering && questionLevels.has(heading.level)))) {
      roles.set(heading.index, "question");
      openQuestion = heading;
    } else roles.set(heading.index, LINK_SECTION.test(text) ? "link-section" : "section");
  }
  return roles;
}
