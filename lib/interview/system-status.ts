import { getDatabase, type DatabaseKind } from "@/lib/db/client";
import { getCorpusCounts, type CorpusCounts } from "@/lib/db/queries/corpus";
import { getEmbedder, type EmbeddingStatus } from "@/lib/embeddings";

export interface SystemStatus {
  database: { kind: DatabaseKind; location: string };
  embeddings: EmbeddingStatus;
  corpus: CorpusCounts;
}

/**
 * What is running: which database, whether semantic search is on (and if not, how to turn it on),
 * and how much material is indexed. Loads the database and the embedder on first use.
 */
export async function getSystemStatus(): Promise<SystemStatus> {
  const [handle, loaded] = await Promise.all([getDatabase(), getEmbedder()]);
  const corpus = await getCorpusCounts({ db: handle.db });
  return { database: { kind: handle.kind, location: handle.location }, embeddings: loaded.status, corpus };
}
