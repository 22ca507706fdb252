/**
 * The HTML elements the converter knows. Anything else in angle brackets (`List<T>`, `<your-key>`)
 * is text, so prose and code mentioning generics or placeholders survive.
 */

// Elements whose content is not text for a reader: dropped whole.
export const DROPPED_TAGS = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object"]);
export const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "header", "footer", "nav", "main", "aside", "blockquote", "ul", "ol",
  "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "figure", "figcaption", "details",
  "summary", "body", "html", "head", "center", "form", "fieldset", "address", "hr", "caption",
]);
// Inline elements whose tags go and whose text stays.
const INLINE_TAGS = new Set([
  "a", "span", "u", "font", "sup", "sub", "small", "big", "mark", "abbr", "cite", "q", "s", "del", "ins",
  "kbd", "var", "samp", "label", "button", "input", "select", "option", "textarea", "video", "audio",
  "source", "canvas", "picture", "meta", "link", "base", "col", "colgroup", "tt", "strike", "nobr",
  "wbr", "img", "time", "data", "bdi", "bdo", "dfn", "area", "map", "track", "embed", "param", "td", "th",
]);

const FORMATTING = new Set(["br", "li", "pre", "b", "strong", "i", "em", "code", "title", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** A known element; with attributes, at least one `name=value`, so `a<b and c>d` stays text. */
export function isTag(name: string, attributes: string): boolean {
  const known = FORMATTING.has(name) || DROPPED_TAGS.has(name) || BLOCK_TAGS.has(name) || INLINE_TAGS.has(name);
  return known && (!attributes.trim() || attributes.includes("="));
}
