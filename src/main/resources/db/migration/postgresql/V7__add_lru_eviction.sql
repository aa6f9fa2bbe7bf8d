-- eviction: a pipeline's own eviction order, 'oldest' (by created) or 'lru' (by last_used); NULL
-- means its origin's default. origin: how the pipeline was first written, 'api' (Gofer's API) or
-- 'cache' (a build tool's cache protocol); it decides which configured defaults apply to it.
ALTER TABLE pipelines ADD COLUMN eviction TEXT CHECK (eviction IN ('oldest', 'lru'));
ALTER TABLE pipelines ADD COLUMN origin TEXT NOT NULL DEFAULT 'api' CHECK (origin IN ('api', 'cache'));

-- last_used: epoch milliseconds of the object's last read or write. Writes set it; reads are
-- recorded in memory and written in batches, so it may lag behind by the flush interval.
ALTER TABLE objects ADD COLUMN last_used BIGINT NOT NULL DEFAULT 0;
UPDATE objects SET last_used = created;
-- Serves LRU eviction, which only pipeline objects (run_id IS NULL) undergo; run objects, the bulk
-- of many stores, stay out of it.
CREATE INDEX objects_by_use ON objects (scope, last_used, id) WHERE run_id IS NULL;
