// Saved views (server-side): unique ids, and the owner's list.
CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (n:SavedView) REQUIRE n.id IS UNIQUE;
CREATE INDEX saved_view_owner IF NOT EXISTS FOR (n:SavedView) ON (n.ownerId, n.updatedAt);
