-- One row that the SQLite catalog rewrites with a fully synced commit to make every earlier commit
-- durable at once (group commit). PostgreSQL keeps it unused, for an identical schema.
CREATE TABLE sync_marks (
    id   INTEGER PRIMARY KEY,
    mark BIGINT NOT NULL
);
INSERT INTO sync_marks (id, mark) VALUES (1, 0);
