// Range indexes for the properties that list filters and exact-name lookups use.
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX person_birth_year IF NOT EXISTS FOR (n:Person) ON (n.birthYear);
CREATE INDEX person_level IF NOT EXISTS FOR (n:Person) ON (n.level);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX organization_type IF NOT EXISTS FOR (n:Organization) ON (n.type);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX place_kind IF NOT EXISTS FOR (n:Place) ON (n.kind);
CREATE INDEX field_name IF NOT EXISTS FOR (n:Field) ON (n.name);
CREATE INDEX project_status IF NOT EXISTS FOR (n:Project) ON (n.status);
CREATE INDEX event_starts_at IF NOT EXISTS FOR (n:Event) ON (n.startsAt);
CREATE INDEX contact_value IF NOT EXISTS FOR (n:Contact) ON (n.kind, n.value);
