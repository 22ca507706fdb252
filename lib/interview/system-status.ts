import { getDatabase, type DatabaseKind } from "@/lib/db/client";
import { getCorpusCounts, type CorpusCounts } from "@/lib/db/queries/corpus";
import { getEmbedder, type EmbeddingStatus } from "@/lib/embeddings";

export type { EmbeddingStatus };

export interface SystemStatus {
  database: { kind: DatabaseKind; location: string };
  embeddings: EmbeddingStatus;
  corpus: CorpusCounts;
}

/**
 * What is running: which database, whether semantic search is on (and if not, how to turn it on),
 * and how much material is indexed (with `visibleTo`, what that owner may study). Loads the database and the embedder on first use.
 */
export async function getSystemStatus({ visibleTo }: { visibleTo?: string } = {}): Promise<SystemStatus> {
  const [handle, loaded] = await Promise.all([getDatabase(), getEmbedder()]);
  const corpus = await getCorpusCounts({ db: handle.db, visibleTo });
  return { database: { kind: handle.kind, location: handle.location }, embeddings: loaded.status, corpus };
}

export interface Health {
  database: DatabaseKind;
  corpus: CorpusCounts;
}

/**
 * What a load balancer asks: is the database answering? Cheap on purpose: it never loads the
 * embedding model (which can take seconds, or wait on a download).
 */
export async function getHealth(): Promise<Health> {
  const handle = await getDatabase();
  // Anyone may ask, signed in or not: count only the shared library, never people's own documents.
  return { database: handle.kind, corpus: await getCorpusCounts({ db: handle.db, visibleTo: null }) };
}
