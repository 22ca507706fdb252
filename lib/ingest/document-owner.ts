/**
 * Who owns a document, from where it lies. Documents a signed-in person adds from the browser are
 * written to `content/uploads/people/<their id>/`; they and the questions they bring are that
 * person's alone. Everything else under content/ (what the server's owner put there, and what
 * was uploaded on a private, loopback server) is the shared library: owner null.
 */
const PERSON_FOLDER = /^content\/uploads\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

/** The folder (relative to the project root) where a signed-in person's uploads go. */
export function personUploadFolder(personId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) throw new Error(`not a person id: ${personId}`);
  return `content/uploads/people/${personId.toLowerCase()}`;
}

/** The owner of the document at `path` (relative to the project root), or null for the shared library. */
export function ownerOfDocumentPath(path: string): string | null {
  return PERSON_FOLDER.exec(path)?.[1]?.toLowerCase() ?? null;
}
