// Derived ties of one group (organisation or project) are found by their group: an import refreshes
// only the groups it touched (schema/connections/derived-ties.ts refreshDerivedGroups).
CREATE INDEX derived_tie_via IF NOT EXISTS FOR ()-[d:DERIVED_TIE]-() ON (d.viaId);
