-- OpenWxCluster schema, part 5: received media (OpenWxCluster.Media.PostgresMediaStore).
-- One row per account and upstream MsgId: a sync batch replayed after a crash inserts nothing new
-- (ON CONFLICT DO NOTHING). bytea, not large objects: a media is at most 20 MB, and deleting the row frees it.
CREATE TABLE IF NOT EXISTS openwx_media
(
    media_key   text        NOT NULL PRIMARY KEY, -- '<account key>:<MsgId>'
    account_key text        NOT NULL,
    msg_id      text        NOT NULL,
    mime        text        NOT NULL,
    name        text        NOT NULL,
    size        bigint      NOT NULL,
    data        bytea       NOT NULL,
    stored_at   timestamptz NOT NULL
);

-- Eviction walks the rows newest first; age eviction cuts at the old end.
CREATE INDEX IF NOT EXISTS openwx_media_stored_at_ix ON openwx_media (stored_at);
