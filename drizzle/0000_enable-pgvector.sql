-- pgvector provides the `vector` type and its distance operators. drizzle-kit never writes
-- CREATE EXTENSION, so it has its own migration, before any table that uses the type.
-- On PGlite the extension is bundled (@electric-sql/pglite-pgvector); on PostgreSQL it must be
-- installed on the server (the package postgresql-<version>-pgvector or a source build).
CREATE EXTENSION IF NOT EXISTS vector;
