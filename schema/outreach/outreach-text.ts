import type { Context } from '../../server/context.ts';
import { rolesWith } from '../builder.ts';

/**
 * Contact details written into outreach free text ("call 13900001111", "WeChat: zhang_wei88") are
 * personal data like the contacts themselves. Roles allowed personal data (admin, staff) read the text
 * as written; the others (consultants; viewers never reach outreach records) get it with every
 * contact-like string replaced by `redacted`.
 */
export const redacted = '[已隐去 redacted]';

const noDigitBefore = '(?<![0-9])';
const noDigitAfter = '(?![0-9])';

/** What counts as contact-like, each with what replaces it. */
const rules: [RegExp, (match: string, label?: string, gap?: string) => string][] = [
  // e-mail addresses
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, () => redacted],
  // ids named as such: "微信 zhang_wei88", "WeChat: abc123", "QQ 12345678", "护照号 E1234567"
  [
    /(?<![A-Za-z])(微信号?|护照号?|身份证号?|(?:vx|wx|wechat|weixin|qq|passport)(?![A-Za-z]))((?:\s*(?:id|no\.?|number|号码?))?\s*[:：]?\s*)[A-Za-z0-9][-_A-Za-z0-9]{4,24}/giu,
    (_match, label, gap) => `${label}${gap}${redacted}`,
  ],
  // mainland identity numbers (18 characters, the last may be X)
  [new RegExp(`${noDigitBefore}\\d{17}[\\dXx]${noDigitAfter}`, 'g'), () => redacted],
  // mobile numbers (+86 optional), landlines with an area code, and international numbers
  [
    new RegExp(
      `${noDigitBefore}(?:(?:\\+?86[\\s-]?)?1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}|0\\d{2,3}[\\s-]?\\d{7,8}|\\+\\d{1,3}[\\s-]?\\(?\\d{1,4}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4})${noDigitAfter}`,
      'g',
    ),
    () => redacted,
  ],
];

/** `text` with every contact-like string replaced. Pure. */
export function redactContacts(text: string): string {
  return rules.reduce(
    (out, [pattern, replace]) =>
      out.replace(pattern, (match, label, gap) =>
        replace(match, typeof label === 'string' ? label : undefined, gap),
      ),
    text,
  );
}

/** Free text of an outreach record as `ctx` may read it. */
export function outreachText<T extends string | null | undefined>(ctx: Context, text: T): T {
  if (typeof text !== 'string') return text;
  if ((rolesWith.personalData as readonly string[]).includes(ctx.role)) return text;
  return redactContacts(text) as T;
}
