// Watches (one per account and watched record) and in-app notifications, read newest first per account.
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT watch_key IF NOT EXISTS FOR (n:Watch) REQUIRE n.key IS UNIQUE;
CREATE INDEX watch_target IF NOT EXISTS FOR (n:Watch) ON (n.targetId);
CREATE INDEX watch_account IF NOT EXISTS FOR (n:Watch) ON (n.accountId, n.targetKind);
CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;
CREATE INDEX notification_account IF NOT EXISTS FOR (n:Notification) ON (n.accountId, n.id);
