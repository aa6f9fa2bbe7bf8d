-- A small object's bytes live in its own row (content) instead of in a blob of the engine: one
-- statement writes or reads the whole object, and replacing, evicting or expiring it leaves nothing
-- for the retention jobs. Exactly one of blob_id and content is set.
ALTER TABLE objects ALTER COLUMN blob_id DROP NOT NULL;
ALTER TABLE objects ADD COLUMN content BYTEA;
ALTER TABLE objects ADD CONSTRAINT objects_blob_or_content CHECK ((blob_id IS NULL) <> (content IS NULL));
