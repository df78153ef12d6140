// Export jobs started from the API (schema/export/export-job.ts).
CREATE CONSTRAINT export_job_id IF NOT EXISTS FOR (j:ExportJob) REQUIRE j.id IS UNIQUE;
