/**
 * The consent rule (PIPL), in one place:
 * - a person may be **contacted** — invited to an event, or exported with contact details for
 *   outreach (lists, segments, invitations, the pipeline) — only with consent `granted` and not
 *   marked do-not-contact. Unknown consent is not consent.
 * - contact details may be **read** (Person.personalData, graph exports with contacts) only by roles
 *   with a purpose (admin, staff; staff within their team's place scope), unless consent was refused
 *   or withdrawn; every read is written to the audit log.
 */
export interface ConsentFacts {
  consentStatus?: string | null;
  doNotContact?: boolean | null;
}

export function isContactable(person: ConsentFacts): boolean {
  return person.consentStatus === 'granted' && !person.doNotContact;
}

/** `isContactable` in Cypher, for a person bound to `p`. */
export const contactable = (p: string) =>
  `(coalesce(${p}.consentStatus, 'unknown') = 'granted' AND NOT coalesce(${p}.doNotContact, false))`;

/** Consent that hides contact details from every role. */
export const hidingConsent = ['refused', 'withdrawn'] as const;

export function consentHides(person: ConsentFacts): boolean {
  return (hidingConsent as readonly (string | null | undefined)[]).includes(person.consentStatus);
}
