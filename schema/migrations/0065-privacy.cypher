// Privacy defaults and markers (issue 14). Data only; safe to repeat.
// People written without consent fields (API creates before defaults were set): unknown consent,
// not do-not-contact, so lists that select both never meet a missing value.
MATCH (p:Person) WHERE p.consentStatus IS NULL OR p.doNotContact IS NULL
CALL (p) {
  SET p.consentStatus = coalesce(p.consentStatus, 'unknown'),
      p.doNotContact = coalesce(p.doNotContact, false)
} IN TRANSACTIONS OF 10000 ROWS;
// History entries of outreach records (claims, interactions, notes) are marked as such and carry the
// record's team, so Entity.history shows them only where the record itself is visible.
MATCH (c:Change)
WHERE c.outreach IS NULL
  AND (c.changes STARTS WITH '{"claim"' OR c.changes STARTS WITH '{"interaction"' OR c.changes STARTS WITH '{"note"')
CALL (c) {
  WITH c, coalesce(
    COLLECT { MATCH (r:Claim {personId: c.entityId}) WHERE c.changes CONTAINS r.id RETURN r.teamId }[0],
    COLLECT { MATCH (r:Interaction {personId: c.entityId}) WHERE c.changes CONTAINS r.id RETURN r.teamId }[0],
    COLLECT { MATCH (:Person {id: c.entityId})<-[:ABOUT]-(r:Note) WHERE c.changes CONTAINS r.id RETURN r.teamId }[0],
    COLLECT { MATCH (:Organization {id: c.entityId})<-[:ABOUT]-(r:Note) WHERE c.changes CONTAINS r.id RETURN r.teamId }[0]
  ) AS teamId
  SET c.outreach = true, c.teamId = teamId
} IN TRANSACTIONS OF 10000 ROWS;
