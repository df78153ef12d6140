// The experts of a field at one level, found without reading the rest (schema/connections/match-candidates.ts):
// keys kept on each live expertise of a live person by refreshPeopleFacts (schema/person/current-facts.ts).
CREATE INDEX expertise_live_field_level IF NOT EXISTS FOR ()-[e:EXPERT_IN]-() ON (e.liveFieldId, e.liveLevel);
MATCH (n:Person)-[e:EXPERT_IN]->(f:Field)
WHERE NOT n.deleted AND NOT e.deleted AND e.liveFieldId IS NULL
CALL (e, f) {
  SET e.liveFieldId = f.id, e.liveLevel = coalesce(e.level, 3)
} IN TRANSACTIONS OF 20000 ROWS;
