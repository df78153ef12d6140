// One InvitationBatch per inviteToEvent: who sent the list (its invitations keep only id and status).
CREATE CONSTRAINT invitation_batch_id IF NOT EXISTS FOR (b:InvitationBatch) REQUIRE b.id IS UNIQUE;
