// Outreach records: unique ids, and the lookups the pipeline, lists and reports make.
CREATE CONSTRAINT stage_move_id IF NOT EXISTS FOR (n:StageMove) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT follow_up_id IF NOT EXISTS FOR (n:FollowUp) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (n:Segment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_list_id IF NOT EXISTS FOR (n:PersonList) REQUIRE n.id IS UNIQUE;
CREATE INDEX invited_to_id IF NOT EXISTS FOR ()-[r:INVITED_TO]-() ON (r.id);
CREATE INDEX change_tie IF NOT EXISTS FOR (c:Change) ON (c.tieId);
CREATE INDEX introduction_created IF NOT EXISTS FOR (n:Introduction) ON (n.createdAt);
CREATE INDEX follow_up_owner IF NOT EXISTS FOR (n:FollowUp) ON (n.ownerId, n.dueOn);
CREATE INDEX claim_active IF NOT EXISTS FOR (n:Claim) ON (n.personId, n.active);
