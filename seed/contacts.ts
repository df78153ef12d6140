/**
 * Personal data of an invented person: contact details and consent records. Values are clearly fake
 * (19900xxxxxx phone numbers, reserved e-mail domains, demo WeChat ids) and no id number is generated.
 */

import { searchKeys } from '../schema/shared/search-keys.ts';
import type { SeedContext } from './context.ts';
import type { ConsentStatus, ContactKind } from './model.ts';
import type { PersonDraft } from './person-draft.ts';
import { entityRow, iso, tieRow } from './rows.ts';

const DAY = 86_400_000;
const CONSENT_PURPOSES = ['人才信息登记', '活动邀约与联络', '岗位与项目推荐'];
const CONSENT_CHANNELS = ['微信小程序', '纸质登记表', '电话', '活动现场', '电子邮件'];
const CONTACT_NAMES: Readonly<Record<Exclude<ContactKind, 'id_number'>, string>> = {
  phone: '手机',
  email: '电子邮箱',
  wechat: '微信',
};
/** Reserved example domains (RFC 2606): nothing seeded can reach a real mailbox. */
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];
const contactSearchText = new Map<string, string>();

/**
 * Emits the Contact nodes of `p` (each behind a HAS_CONTACT tie, never on the Person) and, when consent
 * was given (or given and withdrawn), a Consent node behind GAVE_CONSENT.
 */
export function emitContacts(ctx: SeedContext, p: PersonDraft, consent: ConsentStatus): void {
  const { random, out } = ctx;
  const contacts: [Exclude<ContactKind, 'id_number'>, string][] = [];
  // Clearly fake values: 199-00 numbers indexed by person, reserved e-mail domains, demo WeChat ids.
  // No id_number is ever generated, not even a fake one.
  if (random.chance(0.85))
    contacts.push(['phone', `19900${String(p.index % 1_000_000).padStart(6, '0')}`]);
  if (random.chance(0.7)) {
    const local = p.name.latinName.toLowerCase().replace(/[^a-z]/g, '');
    contacts.push(['email', `${local}${p.index}@${random.pick(EMAIL_DOMAINS)}`]);
  }
  if (random.chance(0.5)) contacts.push(['wechat', `wxid_demo_${p.index.toString(36)}`]);
  for (const [kind, value] of contacts) {
    const id = ctx.id(p.createdMs);
    const name = CONTACT_NAMES[kind];
    // Only the kind is searchable: contact values stay out of searchText and the full-text index.
    let text = contactSearchText.get(name);
    if (text === undefined) {
      text = searchKeys('Contact', { name }).searchText;
      contactSearchText.set(name, text);
    }
    out.node(
      'Contact',
      entityRow(
        {
          id,
          name,
          createdAt: p.createdAt,
          sourceId: ctx.sourceId,
          verified: random.chance(0.4),
          searchText: text,
        },
        { kind, value },
      ),
    );
    out.tie(
      'HAS_CONTACT',
      'Person',
      'Contact',
      tieRow(p.id, id, ctx.tie(p.createdMs, p.createdAt, true)),
    );
  }
  if (consent === 'granted' || consent === 'withdrawn') {
    const atMs = p.createdMs - random.int(0, 200) * DAY;
    const purpose = random.pick(CONSENT_PURPOSES);
    const id = ctx.id(p.createdMs);
    out.node(
      'Consent',
      entityRow(
        {
          id,
          name: `同意：${purpose}`,
          createdAt: p.createdAt,
          sourceId: ctx.sourceId,
          verified: true,
        },
        { purpose, channel: random.pick(CONSENT_CHANNELS), at: iso(atMs) },
      ),
    );
    out.tie(
      'GAVE_CONSENT',
      'Person',
      'Consent',
      tieRow(p.id, id, ctx.tie(p.createdMs, p.createdAt, true)),
    );
  }
}
