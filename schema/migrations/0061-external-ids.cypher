// Dataset imports (schema/dataset/): every imported entity keeps (dataset, label, external id) on an
// (:ExternalId)-[:IDENTIFIES]->(entity); edges find their ends and re-imports find their nodes by it.
CREATE CONSTRAINT external_id_key IF NOT EXISTS FOR (x:ExternalId) REQUIRE x.key IS UNIQUE;
