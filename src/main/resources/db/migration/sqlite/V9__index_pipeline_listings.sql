-- The operator listings: a namespace's pipelines largest first (GET …/pipelines?sort=bytes) read
-- this index in order and stop at the limit, and the namespace totals (GET /api/namespaces) are
-- counted from it without reading the table. Pipelines ordered by id already have the
-- (namespace_id, pipeline_id) index of their UNIQUE constraint. Every write of a pipeline object
-- moves the pipeline's entry here (bytes changes): one small index entry per write.
CREATE INDEX pipelines_by_bytes ON pipelines (namespace_id, bytes DESC, pipeline_id, object_count);
