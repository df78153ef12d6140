// History entries are looked up by the entity they describe.
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
// A tie is addressed by its type and id (global id `Tie:WORKED_AT:01J…`), so each type indexes its id.
CREATE INDEX studied_at_id IF NOT EXISTS FOR ()-[r:STUDIED_AT]-() ON (r.id);
CREATE INDEX worked_at_id IF NOT EXISTS FOR ()-[r:WORKED_AT]-() ON (r.id);
CREATE INDEX born_in_id IF NOT EXISTS FOR ()-[r:BORN_IN]-() ON (r.id);
CREATE INDEX lives_in_id IF NOT EXISTS FOR ()-[r:LIVES_IN]-() ON (r.id);
CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX expert_in_id IF NOT EXISTS FOR ()-[r:EXPERT_IN]-() ON (r.id);
CREATE INDEX knows_id IF NOT EXISTS FOR ()-[r:KNOWS]-() ON (r.id);
CREATE INDEX leads_id IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.id);
CREATE INDEX hosted_by_id IF NOT EXISTS FOR ()-[r:HOSTED_BY]-() ON (r.id);
CREATE INDEX landed_in_id IF NOT EXISTS FOR ()-[r:LANDED_IN]-() ON (r.id);
CREATE INDEX in_field_id IF NOT EXISTS FOR ()-[r:IN_FIELD]-() ON (r.id);
CREATE INDEX located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.id);
CREATE INDEX part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
CREATE INDEX subfield_of_id IF NOT EXISTS FOR ()-[r:SUBFIELD_OF]-() ON (r.id);
// Reads of personal data are looked up by person and by time.
CREATE INDEX audit_subject IF NOT EXISTS FOR (a:AuditEntry) ON (a.subjectId);
CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
