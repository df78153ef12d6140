// The outcome report credits signed and landed introductions of a period: found by stage and date.
CREATE INDEX introduction_stage_created IF NOT EXISTS FOR (n:Introduction) ON (n.stage, n.createdAt);
