-- Search support that drizzle-kit does not write. pg_trgm finds the nearest known word for a
-- misspelled query word; it is a trusted extension, so the database owner may create it (on PGlite
-- it is bundled as @electric-sql/pglite/contrib/pg_trgm).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- BM25 needs a chunk's length in lexeme occurrences (a tsvector's length() counts distinct lexemes).
-- IMMUTABLE because chunks.token_count is a generated column computed with it.
CREATE OR REPLACE FUNCTION coach_token_count(document tsvector) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce(sum(coalesce(array_length(positions, 1), 1)), 0)::integer FROM unnest(document) $$;
--> statement-breakpoint
-- The text the full-text index reads: the English stemmer leaves an acronym's plural alone
-- ("CNNs" stays 'cnns', never meeting 'cnn'), so "CNNs", "ReLUs", "LSTMs" lose their s first.
-- IMMUTABLE because the chunks' generated tsvector is computed with it; queries go through it too.
CREATE OR REPLACE FUNCTION coach_search_text(body text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT regexp_replace(body, '\m([A-Z][A-Za-z0-9]*[A-Z])s\M', '\1', 'g') $$;
