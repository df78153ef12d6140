// One full-text index over every searchable name. The cjk analyzer indexes Chinese as character pairs
// (bigrams); searchText adds pinyin, initials and the other script form (schema/shared/search-keys.ts).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Organization|Place|Field|Project|Event)
ON EACH [n.name, n.latinName, n.aliases, n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
