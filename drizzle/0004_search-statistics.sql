-- BM25 statistics kept exact inside every transaction that writes chunks: statement-level triggers
-- with transition tables add or subtract the lexemes of the rows a statement inserted or deleted
-- (cascades from documents and sources included). TRUNCATE is not covered: the app never truncates.
CREATE OR REPLACE FUNCTION coach_search_stats_add(delta integer, rows_changed bigint, tokens_changed bigint, lexemes text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF rows_changed = 0 THEN RETURN; END IF;
  INSERT INTO search_totals (id, chunks, tokens) VALUES (1, delta * rows_changed, delta * tokens_changed)
  ON CONFLICT (id) DO UPDATE SET chunks = search_totals.chunks + excluded.chunks, tokens = search_totals.tokens + excluded.tokens;
  INSERT INTO search_terms (lexeme, chunks)
    SELECT lexeme, delta * count(*)::integer FROM unnest(lexemes) AS lexeme GROUP BY lexeme
  ON CONFLICT (lexeme) DO UPDATE SET chunks = search_terms.chunks + excluded.chunks;
  IF delta < 0 THEN
    DELETE FROM search_terms WHERE lexeme = ANY (lexemes) AND chunks <= 0;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coach_chunks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coach_search_stats_add(1, (SELECT count(*) FROM new_chunks), (SELECT coalesce(sum(token_count), 0) FROM new_chunks),
    ARRAY(SELECT u.lexeme FROM new_chunks, unnest(tsv) AS u(lexeme, positions, weights)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coach_chunks_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coach_search_stats_add(-1, (SELECT count(*) FROM old_chunks), (SELECT coalesce(sum(token_count), 0) FROM old_chunks),
    ARRAY(SELECT u.lexeme FROM old_chunks, unnest(tsv) AS u(lexeme, positions, weights)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coach_chunks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed bigint;
  old_tokens bigint;
  new_tokens bigint;
BEGIN
  -- Only a changed text changes the statistics; embedding updates leave them alone.
  SELECT count(*), coalesce(sum(o.token_count), 0), coalesce(sum(n.token_count), 0) INTO changed, old_tokens, new_tokens
    FROM old_chunks o JOIN new_chunks n USING (id) WHERE o.text IS DISTINCT FROM n.text;
  IF changed = 0 THEN RETURN NULL; END IF;
  PERFORM coach_search_stats_add(-1, changed, old_tokens, ARRAY(SELECT u.lexeme
    FROM old_chunks o JOIN new_chunks n USING (id), unnest(o.tsv) AS u(lexeme, positions, weights) WHERE o.text IS DISTINCT FROM n.text));
  PERFORM coach_search_stats_add(1, changed, new_tokens, ARRAY(SELECT u.lexeme
    FROM old_chunks o JOIN new_chunks n USING (id), unnest(n.tsv) AS u(lexeme, positions, weights) WHERE o.text IS DISTINCT FROM n.text));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER chunks_search_stats_insert AFTER INSERT ON chunks REFERENCING NEW TABLE AS new_chunks
  FOR EACH STATEMENT EXECUTE FUNCTION coach_chunks_inserted();
--> statement-breakpoint
CREATE TRIGGER chunks_search_stats_delete AFTER DELETE ON chunks REFERENCING OLD TABLE AS old_chunks
  FOR EACH STATEMENT EXECUTE FUNCTION coach_chunks_deleted();
--> statement-breakpoint
CREATE TRIGGER chunks_search_stats_update AFTER UPDATE ON chunks REFERENCING OLD TABLE AS old_chunks NEW TABLE AS new_chunks
  FOR EACH STATEMENT EXECUTE FUNCTION coach_chunks_updated();
--> statement-breakpoint
-- Corpora ingested before this migration: count what is already there.
INSERT INTO search_totals (id, chunks, tokens) SELECT 1, count(*), coalesce(sum(token_count), 0) FROM chunks;
--> statement-breakpoint
INSERT INTO search_terms (lexeme, chunks) SELECT u.lexeme, count(*) FROM chunks, unnest(tsv) AS u(lexeme, positions, weights) GROUP BY u.lexeme;
