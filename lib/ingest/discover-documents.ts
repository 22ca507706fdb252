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
  /** Folders searched completely: stored documents under them that were not found are removed. */
  folders: string[];
  /** Inputs and folders that could not be read, with why. */
  unreadable: { path: string; message: string }[];
}

/**
 * Finds the documents to ingest: files as given, folders walked recursively (following symbolic
 * links, once each). Hidden files and folders (`.git`, `.DS_Store`) and `node_modules` are
 * skipped: they are never study material. A folder that cannot be read is reported, not fatal.
 */
export async function discoverDocuments(inputs: string[], root: string): Promise<Discovery> {
  const documents = new Map<string, DiscoveredDocument>();
  const folders: string[] = [];
  const unreadable: Discovery["unreadable"] = [];
  for (const input of inputs) {
    const absolute = path.resolve(root, input);
    const stat = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (stat instanceof Error) {
      unreadable.push({ path: input, message: stat.code === "ENOENT" ? "No such file or folder." : `Cannot read it: ${stat.message}` });
    } else if (stat.isDirectory()) {
      const problems: Discovery["unreadable"] = [];
      for (const file of await walk(absolute, new Set(), problems)) documents.set(file, { absolutePath: file, path: toDocumentPath(file, root) });
      unreadable.push(...problems.map((problem) => ({ ...problem, path: toDocumentPath(problem.path, root) })));
      // Only a folder read completely may have its missing documents removed.
      if (problems.length === 0) folders.push(toDocumentPath(absolute, root));
    } else {
      documents.set(absolute, { absolutePath: absolute, path: toDocumentPath(absolute, root) });
    }
  }
  // Code-point order, as the database sorts paths (collate "C").
  const sorted = [...documents.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { documents: sorted, folders, unreadable };
}

/** True when a stored document path lies inside one of the searched folders. */
export function isUnderFolder(documentPath: string, folder: string): boolean {
  return folder === "." || documentPath.startsWith(`${folder}/`);
}

async function walk(folder: string, visited: Set<string>, problems: Discovery["unreadable"]): Promise<string[]> {
  // A symbolic link back up the tree would otherwise loop forever.
  const real = await fs.realpath(folder).catch(() => folder);
  if (visited.has(real)) return [];
  visited.add(real);
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: folder, message: `Cannot read this folder: ${(error as Error).message}` });
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(folder, entry.name);
    const stat = entry.isSymbolicLink() ? await fs.stat(full).catch(() => null) : entry;
    if (stat?.isDirectory()) files.push(...(await walk(full, visited, problems)));
    else if (stat?.isFile()) files.push(full);
  }
  return files;
}

function toDocumentPath(absolute: string, root: string): string {
  return path.relative(root, absolute).split(path.sep).join("/") || ".";
}
