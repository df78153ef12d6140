// Accounts sign in by e-mail; sessions are found by the hash of their token.
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT account_email IF NOT EXISTS FOR (a:Account) REQUIRE a.email IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (t:Team) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT team_name IF NOT EXISTS FOR (t:Team) REQUIRE t.name IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT session_token IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE;
CREATE INDEX session_account IF NOT EXISTS FOR (s:Session) ON (s.accountId);
// The audit log is filtered by who and what.
CREATE INDEX change_actor IF NOT EXISTS FOR (c:Change) ON (c.actor);
CREATE INDEX audit_actor IF NOT EXISTS FOR (a:AuditEntry) ON (a.actor);
