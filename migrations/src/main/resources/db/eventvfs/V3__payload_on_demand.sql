-- The payload of each event, for queries, was a stored column that PostgreSQL parsed out of the
-- event's JSON into jsonb on every insert, though no statement of the server reads it. It is now
-- computed when a query asks for it: e.payload is PostgreSQL's attribute notation for payload(e),
-- so queries that read the column read the function unchanged. Dropping the column does not
-- rewrite the table: rows written before keep their copy on disk until the table is rewritten
-- (VACUUM FULL), unseen.
ALTER TABLE events DROP COLUMN payload;

CREATE FUNCTION payload(e events) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (e.json::jsonb) -> 'payload'
$$;
