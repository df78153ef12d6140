import type { InvitationData } from './invitation-data.ts';

/** An invitation of 张伟 to a Wuhan alumni session, with parts replaced as a test needs. */
export function invitationData(
  person: Partial<InvitationData['person']> = {},
  event: Partial<InvitationData['event']> = {},
): InvitationData {
  return {
    invitationId: 'inv1',
    status: 'invited',
    withColleague: false,
    person: {
      id: 'p1',
      name: '张伟',
      latinName: 'Zhang Wei',
      title: '教授',
      preferredLanguage: null,
      doNotContact: false,
      consentStatus: 'granted',
      email: 'zhang@example.org',
      ...person,
    },
    event: {
      id: 'e1',
      name: '武汉校友专场',
      startsAt: '2026-06-01T14:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      venue: '光谷会议中心',
      city: '武汉市',
      cityLatin: 'Wuhan',
      host: '武汉市招才局',
      hostLatin: 'Wuhan Talent Bureau',
      status: 'open',
      sequence: 29_000_000,
      colleaguesAllowed: false,
      ...event,
    },
  };
}
