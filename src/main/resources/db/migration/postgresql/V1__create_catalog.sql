-- Pipelines come into being on first write. Limit columns hold per-pipeline overrides; NULL means
-- the configured default. object_count and bytes count pipeline objects and are kept in step with
-- the objects table by every transaction that changes it, so limits are checked without a scan.
-- expired_through is the highest run id whose objects have expired (0: none).
CREATE TABLE pipelines (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    namespace_id      TEXT    NOT NULL,
    pipeline_id       TEXT    NOT NULL,
    object_limit      BIGINT,
    byte_limit        BIGINT,
    run_object_expiry BIGINT,
    latest_run_id     BIGINT,
    expired_through   BIGINT NOT NULL DEFAULT 0,
    object_count      BIGINT NOT NULL DEFAULT 0,
    bytes             BIGINT NOT NULL DEFAULT 0,
    UNIQUE (namespace_id, pipeline_id)
);

CREATE TABLE runs (
    pipeline_ref BIGINT NOT NULL REFERENCES pipelines (id),
    run_id       BIGINT NOT NULL,
    started      BIGINT NOT NULL,
    PRIMARY KEY (pipeline_ref, run_id)
);

-- Every blob the engine holds or may hold. A blob is PENDING while its upload streams, LIVE once
-- an object points at it and GARBAGE once nothing does; the retention jobs delete GARBAGE bytes,
-- and PENDING ones whose owning instance stopped sending heartbeats.
CREATE TABLE blobs (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state TEXT    NOT NULL CHECK (state IN ('PENDING', 'LIVE', 'GARBAGE')),
    owner TEXT,
    since BIGINT NOT NULL
);
CREATE INDEX blobs_by_state ON blobs (state, since);

-- scope names the object's set: 'p/<namespace>/<pipeline>', 'r/<namespace>/<pipeline>/<run>' or
-- 'e/<extension>'. pipeline_ref and run_id repeat it in a form that eviction and expiry can use.
CREATE TABLE objects (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope        TEXT    NOT NULL,
    pipeline_ref BIGINT REFERENCES pipelines (id),
    run_id       BIGINT,
    object_key   TEXT    NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    created      BIGINT NOT NULL,
    blob_id      BIGINT NOT NULL REFERENCES blobs (id),
    UNIQUE (scope, object_key)
);
CREATE INDEX objects_by_age ON objects (scope, created, id);
CREATE INDEX objects_by_run ON objects (pipeline_ref, run_id) WHERE run_id IS NOT NULL;

-- Running service instances; a PENDING blob whose owner is missing here, or stale, is abandoned.
CREATE TABLE instances (
    id        TEXT    PRIMARY KEY,
    heartbeat BIGINT NOT NULL
);

-- The database engine's bytes: each blob is a run of chunks keyed by their offset. A blob always
-- has a chunk at offset 0, empty for a zero-byte object, so that its presence can be checked.
CREATE TABLE blob_chunks (
    blob_id      BIGINT NOT NULL,
    offset_bytes BIGINT NOT NULL,
    data         BYTEA   NOT NULL,
    PRIMARY KEY (blob_id, offset_bytes)
);
