-- API tokens. Only a hash of each secret is kept. Globs and actions are comma-separated lists
-- (neither can contain a comma). A run token also names the one run it may write to.
CREATE TABLE tokens (
    id            TEXT    PRIMARY KEY,
    secret_sha256 TEXT    NOT NULL,
    namespaces    TEXT    NOT NULL,
    pipelines     TEXT    NOT NULL,
    actions       TEXT    NOT NULL,
    run_id        BIGINT,
    created       BIGINT NOT NULL,
    expires       BIGINT,
    description   TEXT    NOT NULL
);
