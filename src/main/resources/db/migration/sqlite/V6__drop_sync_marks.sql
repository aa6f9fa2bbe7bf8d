-- The group commit now syncs SQLite's write-ahead log itself instead of committing a row of this
-- table with synchronous=FULL, which held the write lock through the sync.
DROP TABLE sync_marks;
