-- The event log: every stream (each volume, and the account stream '@accounts') with gapless
-- positions from 1. Rows are only ever inserted.

CREATE TABLE events (
    volume          text        NOT NULL,
    position        bigint      NOT NULL CHECK (position > 0),
    event_id        uuid        NOT NULL,
    command_id      uuid        NOT NULL,
    type            text        NOT NULL,
    schema_version  integer     NOT NULL,
    time            timestamptz NOT NULL,
    actor_user      text        NOT NULL,
    actor_protocol  text        NOT NULL,
    actor_address   text        NOT NULL,
    actor_session   text,
    actor_client    text,
    previous_hash   bytea       NOT NULL,
    hash            bytea       NOT NULL,
    -- The event exactly as the writer encoded and hashed it: stores keep these bytes as they are.
    json            text        NOT NULL,
    -- The payload again, for queries.
    payload         jsonb       GENERATED ALWAYS AS ((json::jsonb) -> 'payload') STORED,
    PRIMARY KEY (volume, position)
);

-- Questions by time ("what changed since"): events are appended in time order, so a block range
-- index answers them for a fraction of a b-tree's cost on every append.
CREATE INDEX events_by_time ON events USING brin (time);

-- One row per command: a command id is applied to a volume once.
CREATE TABLE commands (
    volume          text   NOT NULL,
    command_id      uuid   NOT NULL,
    first_position  bigint NOT NULL,
    last_position   bigint NOT NULL,
    PRIMARY KEY (volume, command_id)
);

-- The newest event of each stream. Every append moves it with one guarded statement, so two
-- writers can never both append at the same position, and appends commit in position order.
CREATE TABLE stream_heads (
    volume    text   PRIMARY KEY,
    position  bigint NOT NULL,
    hash      bytea  NOT NULL
);

-- Moves a stream's head from (expected, expected_hash) to (new_position, new_hash), or raises
-- SQLSTATE EV409 with the actual head position as DETAIL. It first locks the head's row, so it
-- waits for an append in flight on the same stream to end and then compares with the head that
-- append left: appends on one stream commit one after another, in position order, and readers
-- never see a later position commit before an earlier one. Notifies followers; the notice is
-- delivered when the transaction commits.
CREATE FUNCTION advance_head(p_volume text, p_expected bigint, p_expected_hash bytea,
                             p_new bigint, p_new_hash bytea) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    head_position bigint;
    head_hash bytea;
BEGIN
    SELECT position, hash INTO head_position, head_hash FROM stream_heads WHERE volume = p_volume FOR UPDATE;
    IF NOT FOUND AND p_expected = 0 THEN
        INSERT INTO stream_heads (volume, position, hash) VALUES (p_volume, p_new, p_new_hash)
        ON CONFLICT (volume) DO NOTHING;
        IF NOT FOUND THEN
            SELECT position INTO head_position FROM stream_heads WHERE volume = p_volume;
            RAISE EXCEPTION USING ERRCODE = 'EV409', DETAIL = head_position::text,
                MESSAGE = format('stream %s is not at position %s', p_volume, p_expected);
        END IF;
    ELSIF coalesce(head_position, 0) <> p_expected OR head_hash <> p_expected_hash THEN
        RAISE EXCEPTION USING ERRCODE = 'EV409', DETAIL = coalesce(head_position, 0)::text,
            MESSAGE = format('stream %s is not at position %s', p_volume, p_expected);
    ELSE
        UPDATE stream_heads SET position = p_new, hash = p_new_hash WHERE volume = p_volume;
    END IF;
    PERFORM pg_notify('eventvfs_events', p_new || ':' || p_volume);
END
$$;
