import { describe, expect, it } from "vitest";
import { decodeEntities } from "@/lib/ingest/html-entities";
import { htmlToLines } from "@/lib/ingest/html-to-lines";

const texts = (html: string) => htmlToLines(html).lines.map((line) => line.text);

describe("htmlToLines", () => {
  it("turns <b>, <br>, headings and list items into Markdown-like lines", () => {
    expect(texts("<b>1. Why?</b><br>\nBecause.<br><br>\n<h2>Part</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>")).toEqual([
      "**1. Why?**",
      "Because.",
      "",
      "## Part",
      "- one",
      "- two",
      "",
    ]);
  });

  it("maps every output line to the stored line where it starts", () => {
    const { lines } = htmlToLines("<p>\n<b>1. Q?</b><br>\nA one.<br>A two.\n<script>\nx = 1;\n</script>\n<b>2. R?</b>");
    const at = (text: string) => lines.find((line) => line.text === text)?.line;
    expect(at("**1. Q?**")).toBe(2);
    expect(at("A one.")).toBe(3);
    expect(at("A two.")).toBe(3);
    expect(at("**2. R?**")).toBe(7);
  });

  it("drops scripts, styles and comments, even across lines, and keeps the numbering", () => {
    const { lines } = htmlToLines("<style>\nb { }\n</style>\n<!-- <b>1. Hidden?</b>\n -->\n<b>1. Shown?</b>");
    expect(lines.map((line) => line.text).join("|")).not.toMatch(/Hidden|b \{/);
    expect(lines.find((line) => line.text === "**1. Shown?**")?.line).toBe(6);
  });

  it("starts a line after a multi-line comment at the line where its text starts", () => {
    expect(htmlToLines("<!--\nnote\n--><b>1. Q?</b>").lines.find((line) => line.text.includes("Q?"))?.line).toBe(3);
  });

  it("removes kramdown markers and takes the <title>", () => {
    const result = htmlToLines("<title>Deep &amp; Wide</title>\n{:toc}\ntext");
    expect(result.title).toBe("Deep & Wide");
    expect(result.lines.map((line) => line.text)).toEqual(["", "", "text"]);
  });

  it("decodes entities in text but leaves things that only look like tags", () => {
    expect(texts("a &lt;b&gt; &amp; c&#39;s &#x2019; &nbsp;x")).toEqual(["a <b> & c's ’  x"]);
    expect(texts("if a < b and c > d")).toEqual(["if a < b and c > d"]);
    expect(texts("x<b and c>y, List<T>, $a<b$")).toEqual(["x<b and c>y, List<T>, $a<b$"]);
  });

  it("passes fenced code and code spans through untouched", () => {
    expect(texts("```html\n<b>bold</b> &amp;\n```\nuse `<br>` here")).toEqual(["```html", "<b>bold</b> &amp;", "```", "use `<br>` here"]);
  });

  it("turns <pre> into a fence and drops images and inline tags", () => {
    expect(texts('<pre><code>x &lt; 3</code></pre>\n<p><img src="a.png"/> <u>under</u> <a href="https://x.y">link</a></p>')).toEqual([
      "```",
      "x < 3",
      "```",
      " under link",
      "",
    ]);
  });
});

describe("decodeEntities", () => {
  it("decodes named, decimal and hex references and leaves unknown ones", () => {
    expect(decodeEntities("&quot;&apos;&mdash;&#8212;&#x1F449;&bogus;&amp;amp;")).toBe("\"'——👉&bogus;&amp;");
  });

  it("never produces a newline, so line numbers stay true", () => {
    expect(decodeEntities("a&#10;b&#x0D;c")).toBe("a b c");
  });
});
