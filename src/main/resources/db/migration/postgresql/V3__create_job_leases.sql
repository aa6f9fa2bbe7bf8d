-- One row per scheduled job: the replica that holds the lease until locked_until runs the job;
-- the others skip that interval.
CREATE TABLE job_leases (
    name         TEXT    PRIMARY KEY,
    locked_until BIGINT NOT NULL,
    locked_by    TEXT    NOT NULL
);
