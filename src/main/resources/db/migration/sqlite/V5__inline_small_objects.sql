-- A small object's bytes live in its own row (content) instead of in a blob of the engine: one
-- statement writes or reads the whole object, and replacing, evicting or expiring it leaves nothing
-- for the retention jobs. Exactly one of blob_id and content is set. SQLite cannot drop a NOT NULL
-- constraint in place, so the table is rebuilt; content goes last so that the other columns are
-- read without it.
CREATE TABLE objects_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scope        TEXT    NOT NULL,
    pipeline_ref INTEGER REFERENCES pipelines (id),
    run_id       INTEGER,
    object_key   TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    created      INTEGER NOT NULL,
    blob_id      INTEGER REFERENCES blobs (id),
    content      BLOB,
    UNIQUE (scope, object_key),
    CHECK ((blob_id IS NULL) <> (content IS NULL))
);
INSERT INTO objects_new (id, scope, pipeline_ref, run_id, object_key, size, sha256, content_type, created, blob_id)
SELECT id, scope, pipeline_ref, run_id, object_key, size, sha256, content_type, created, blob_id FROM objects;
-- Row ids keep counting from where they were, as AUTOINCREMENT promises.
DELETE FROM sqlite_sequence WHERE name = 'objects_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'objects_new', seq FROM sqlite_sequence WHERE name = 'objects';
DROP TABLE objects;
ALTER TABLE objects_new RENAME TO objects;
CREATE INDEX objects_by_age ON objects (scope, created, id);
CREATE INDEX objects_by_run ON objects (pipeline_ref, run_id) WHERE run_id IS NOT NULL;
