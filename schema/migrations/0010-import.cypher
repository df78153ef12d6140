// Roster import: one Source per imported row, found again by its row key on re-import.
CREATE CONSTRAINT source_row_key IF NOT EXISTS FOR (s:Source) REQUIRE s.rowKey IS UNIQUE;
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (j:ImportJob) REQUIRE j.id IS UNIQUE;
CREATE INDEX import_rejection_job IF NOT EXISTS FOR (r:ImportRejection) ON (r.jobId, r.line);
CREATE INDEX source_job IF NOT EXISTS FOR (s:Source) ON (s.jobId);
CREATE INDEX change_job IF NOT EXISTS FOR (c:Change) ON (c.jobId);
