-- The tree of each volume as versions over positions: a row is the state of one node from
-- position valid_from (inclusive) to valid_to (exclusive; NULL while it is current). Updated by
-- the event store in the transaction of the append whose events it derives from.

CREATE TABLE node_versions (
    volume      text        NOT NULL,
    node_id     bigint      NOT NULL,
    valid_from  bigint      NOT NULL,
    valid_to    bigint,
    parent_id   bigint      NOT NULL,
    name        text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('directory', 'file', 'symlink')),
    mode        integer     NOT NULL,
    owner       text        NOT NULL,
    created_ms  bigint      NOT NULL,
    modified_ms bigint      NOT NULL,
    -- A file's current content: its length, the hex SHA-256 of the whole, its blocks.
    size        bigint,
    sha256      text,
    blocks      jsonb,
    -- A symbolic link's target.
    target      text,
    properties  jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (volume, node_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- At the head a name is taken once per directory: a lookup by path is one probe per step and a
-- listing one range scan.
CREATE UNIQUE INDEX node_versions_current ON node_versions (volume, parent_id, name)
    WHERE valid_to IS NULL;

-- The same questions as of a past position: the versions of one name, or of one directory's
-- entries, newest first, bounded by valid_from <= position.
CREATE INDEX node_versions_as_of ON node_versions (volume, parent_id, name, valid_from DESC);



-- The path of a node as of a position (the head if none is given), e.g. '/projects/report.pdf';
-- NULL if the node does not exist then. One primary-key probe per level.
CREATE FUNCTION node_path(p_volume text, p_node bigint,
                          p_position bigint DEFAULT 9223372036854775807) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up AS (
        SELECT node_id, parent_id, name, 1 AS depth FROM node_versions
        WHERE volume = p_volume AND node_id = p_node
          AND valid_from <= p_position AND (valid_to IS NULL OR valid_to > p_position)
        UNION ALL
        SELECT n.node_id, n.parent_id, n.name, up.depth + 1 FROM node_versions n JOIN up ON n.node_id = up.parent_id
        WHERE n.volume = p_volume AND up.parent_id <> 0
          AND n.valid_from <= p_position AND (n.valid_to IS NULL OR n.valid_to > p_position))
    SELECT CASE WHEN count(*) = 0 THEN NULL
                WHEN count(*) = 1 AND min(node_id) = 1 THEN '/'
                ELSE string_agg(name, '/' ORDER BY depth DESC) END
    FROM up
$$;
