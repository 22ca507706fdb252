import fs from "node:fs/promises";
import path from "node:path";

export interface DiscoveredDocument {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Path relative to the project root with forward slashes: how documents are named everywhere. */
  path: string;
}

export interface Discovery {
  documents: DiscoveredDocument[];
  /** Folders searched: stored documents under them that were not found have been removed. */
  folders: string[];
  /** Inputs that do not exist. */
  missing: string[];
}

/**
 * Finds the documents to ingest: files as given, folders walked recursively. Hidden files and
 * folders (`.git`, `.DS_Store`) are skipped: they are never study material.
 */
export async function discoverDocuments(inputs: string[], root: string): Promise<Discovery> {
  const documents = new Map<string, DiscoveredDocument>();
  const folders: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(root, input);
    const stat = await fs.stat(absolute).catch(() => null);
    if (!stat) {
      missing.push(input);
    } else if (stat.isDirectory()) {
      folders.push(toDocumentPath(absolute, root));
      for (const file of await walk(absolute)) documents.set(file, { absolutePath: file, path: toDocumentPath(file, root) });
    } else {
      documents.set(absolute, { absolutePath: absolute, path: toDocumentPath(absolute, root) });
    }
  }
  const sorted = [...documents.values()].sort((a, b) => a.path.localeCompare(b.path));
  return { documents: sorted, folders, missing };
}

/** True when a stored document path lies inside one of the searched folders. */
export function isUnderFolder(documentPath: string, folder: string): boolean {
  return folder === "." || documentPath.startsWith(`${folder}/`);
}

async function walk(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

function toDocumentPath(absolute: string, root: string): string {
  return path.relative(root, absolute).split(path.sep).join("/") || ".";
}
