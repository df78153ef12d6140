// Short-lived download links of export files: found by the hash of their token.
CREATE CONSTRAINT export_link_id IF NOT EXISTS FOR (n:ExportLink) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT export_link_token IF NOT EXISTS FOR (n:ExportLink) REQUIRE n.tokenHash IS UNIQUE;
