import type { ComponentProps } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";

/**
 * Markdown from documents and from the interviewer (an LLM's words are untrusted too), rendered
 * without raw HTML: react-markdown escapes any HTML in the text, so `<script>` or `<img onerror>`
 * show as text. Never add rehype-raw here.
 */

const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins: ComponentProps<typeof ReactMarkdown>["rehypePlugins"] = [rehypeKatex, [rehypeHighlight, { detect: false }]];

/**
 * Links may be http(s) or relative; anything else (javascript:, data:, vbscript:, protocol-relative
 * //host) becomes an empty href. Browsers drop tabs, newlines and other control characters inside
 * URLs, so those go before the scheme is checked ("java\nscript:" is still javascript:).
 */
export function safeUrl(url: string): string {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, "");
  if (/^https?:\/\//i.test(cleaned)) return cleaned;
  if (/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return "";
  if (/^[\\/][\\/]/.test(cleaned) || cleaned.startsWith("\\")) return "";
  return cleaned;
}

const components: Components = {
  a({ href, children, node: _node, ...rest }) {
    const target = href ?? "";
    if (!target) return <span>{children}</span>;
    const external = /^https?:\/\//i.test(target);
    return (
      <a {...rest} href={target} {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}>
        {children}
      </a>
    );
  },
  // Images would load from anywhere the text points to: show them as links instead.
  img({ src, alt }) {
    const target = typeof src === "string" ? src : "";
    const label = `Image: ${alt || target || "no description"}`;
    return target ? (
      <a href={target} target="_blank" rel="noopener noreferrer nofollow">
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
};

export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `markdown ${className}` : "markdown"}>
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} urlTransform={safeUrl} components={components} skipHtml={false}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
