-- Identifiers and keys are ASCII. Compare them byte by byte, as SQLite does: listings then sort
-- alike on both catalogs, and "starts with a prefix" is a range of an index. Under a language
-- collation such as en_US, '-' and '_' do not sort by their bytes and such a range would miss
-- keys. Equality, which every other query uses, is unchanged; the indexes on these columns are
-- rebuilt with the new collation.
ALTER TABLE pipelines ALTER COLUMN namespace_id TYPE TEXT COLLATE "C";
ALTER TABLE pipelines ALTER COLUMN pipeline_id TYPE TEXT COLLATE "C";
ALTER TABLE objects ALTER COLUMN object_key TYPE TEXT COLLATE "C";

-- The operator listings: a namespace's pipelines largest first (GET …/pipelines?sort=bytes) read
-- this index in order and stop at the limit, and the namespace totals (GET /api/namespaces) can be
-- counted from it alone. Every write of a pipeline object moves the pipeline's entry here (bytes
-- changes): one small index entry per write.
CREATE INDEX pipelines_by_bytes ON pipelines (namespace_id, bytes DESC, pipeline_id, object_count);
