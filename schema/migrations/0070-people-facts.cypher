// People counts (schema/person/people-counts.ts): one per cohort, facet and value, found by its key;
// a cohort's facets are read by cell and facet.
CREATE CONSTRAINT people_count_key IF NOT EXISTS FOR (c:PeopleCount) REQUIRE c.key IS UNIQUE;
CREATE INDEX people_count_cell IF NOT EXISTS FOR (c:PeopleCount) ON (c.cell, c.facet);
