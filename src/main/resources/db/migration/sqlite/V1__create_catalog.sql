-- Pipelines come into being on first write. Limit columns hold per-pipeline overrides; NULL means
-- the configured default. object_count and bytes count pipeline objects and are kept in step with
-- the objects table by every transaction that changes it, so limits are checked without a scan.
-- expired_through is the highest run id whose objects have expired (0: none).
CREATE TABLE pipelines (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    namespace_id      TEXT    NOT NULL,
    pipeline_id       TEXT    NOT NULL,
    object_limit      INTEGER,
    byte_limit        INTEGER,
    run_object_expiry INTEGER,
    latest_run_id     INTEGER,
    expired_through   INTEGER NOT NULL DEFAULT 0,
    object_count      INTEGER NOT NULL DEFAULT 0,
    bytes             INTEGER NOT NULL DEFAULT 0,
    UNIQUE (namespace_id, pipeline_id)
);

CREATE TABLE runs (
    pipeline_ref INTEGER NOT NULL REFERENCES pipelines (id),
    run_id       INTEGER NOT NULL,
    started      INTEGER NOT NULL,
    PRIMARY KEY (pipeline_ref, run_id)
);

-- Every blob the engine holds or may hold. A blob is PENDING while its upload streams, LIVE once
-- an object points at it and GARBAGE once nothing does; the retention jobs delete GARBAGE bytes,
-- and PENDING ones whose owning instance stopped sending heartbeats.
CREATE TABLE blobs (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    state TEXT    NOT NULL CHECK (state IN ('PENDING', 'LIVE', 'GARBAGE')),
    owner TEXT,
    since INTEGER NOT NULL
);
CREATE INDEX blobs_by_state ON blobs (state, since);

-- scope names the object's set: 'p/<namespace>/<pipeline>', 'r/<namespace>/<pipeline>/<run>' or
-- 'e/<extension>'. pipeline_ref and run_id repeat it in a form that eviction and expiry can use.
CREATE TABLE objects (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scope        TEXT    NOT NULL,
    pipeline_ref INTEGER REFERENCES pipelines (id),
    run_id       INTEGER,
    object_key   TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    created      INTEGER NOT NULL,
    blob_id      INTEGER NOT NULL REFERENCES blobs (id),
    UNIQUE (scope, object_key)
);
CREATE INDEX objects_by_age ON objects (scope, created, id);
CREATE INDEX objects_by_run ON objects (pipeline_ref, run_id) WHERE run_id IS NOT NULL;

-- Running service instances; a PENDING blob whose owner is missing here, or stale, is abandoned.
CREATE TABLE instances (
    id        TEXT    PRIMARY KEY,
    heartbeat INTEGER NOT NULL
);

-- The database engine's bytes: each blob is a run of chunks keyed by their offset. A blob always
-- has a chunk at offset 0, empty for a zero-byte object, so that its presence can be checked.
CREATE TABLE blob_chunks (
    blob_id      INTEGER NOT NULL,
    offset_bytes INTEGER NOT NULL,
    data         BLOB    NOT NULL,
    PRIMARY KEY (blob_id, offset_bytes)
);
