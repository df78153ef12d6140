// Duplicates: candidate pairs (review queue) and merges (undo records).
CREATE CONSTRAINT duplicate_pair_id IF NOT EXISTS FOR (d:DuplicatePair) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT duplicate_pair_key IF NOT EXISTS FOR (d:DuplicatePair) REQUIRE d.key IS UNIQUE;
CREATE INDEX duplicate_pair_queue IF NOT EXISTS FOR (d:DuplicatePair) ON (d.kind, d.status);
CREATE INDEX duplicate_pair_merge IF NOT EXISTS FOR (d:DuplicatePair) ON (d.mergeId);
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (m:Merge) REQUIRE m.id IS UNIQUE;
CREATE INDEX merge_kept IF NOT EXISTS FOR (m:Merge) ON (m.keepId);
CREATE INDEX merge_merged IF NOT EXISTS FOR (m:Merge) ON (m.mergedId);
