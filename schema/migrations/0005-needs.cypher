// Needs: what an organisation or project is looking for (fields, level, places), matched to people.
CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE;
CREATE INDEX need_status IF NOT EXISTS FOR (n:Need) ON (n.status);
