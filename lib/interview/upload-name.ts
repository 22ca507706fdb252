/**
 * File names for documents added from the browser. The name a browser sends is whatever the
 * sender typed: it may carry a path ("../../etc/x.md", "C:\\notes\\x.md"), control characters,
 * look-alike Unicode, a device name Windows reserves, or run to thousands of characters. Only a
 * plain name made of safe characters is ever written to disk.
 */

export const UPLOAD_EXTENSIONS = [".md", ".markdown", ".html", ".htm", ".txt", ".pdf"];

/** Longest stem kept, so a name fits any file system (255 bytes) with room for copies' "-2". */
const MAX_STEM = 80;
// Names Windows reserves for devices, with any extension ("con.md" cannot be created there).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A name safe to write on any file system: the last path segment only (after `/` or `\`),
 * compatibility forms folded (full-width letters and dots become plain ones, accents drop),
 * anything but ASCII letters, digits, dot, dash and underscore replaced by a dash, runs of dots
 * and dashes collapsed (so no ".." survives), no leading or trailing dot or dash (hidden files
 * are never ingested), at most 80 characters before the extension, never a Windows device name.
 * Null when the extension is not one the library takes (a name that is only an extension, such
 * as ".md", is a hidden file and has none).
 */
export function safeUploadName(name: string): string | null {
  // Folded before splitting: a full-width solidus (U+FF0F) would otherwise become a "/" later.
  const folded = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const base = folded.split(/[\\/]/).pop() ?? "";
  const extension = extensionOf(base);
  if (!extension) return null;
  let stem = clean(base.slice(0, base.length - extension.length));
  stem = clean(stem.slice(0, MAX_STEM));
  if (WINDOWS_DEVICE.test(stem)) stem = `document-${stem}`;
  return `${stem || "document"}${extension}`;
}

/** The lower-cased extension when it is one the library takes; a dot file has none. */
export function extensionOf(base: string): string | null {
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return null;
  const extension = base.slice(dot).toLowerCase();
  return UPLOAD_EXTENSIONS.includes(extension) ? extension : null;
}

function clean(stem: string): string {
  return stem
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "");
}
