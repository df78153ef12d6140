import { describe, expect, it } from 'vitest';
import { redactContacts, redacted } from './outreach-text.ts';

describe('redactContacts', () => {
  const cases: [string, string][] = [
    ['NOTE-A secret: call 13900001111', `NOTE-A secret: call ${redacted}`],
    ['电话 +86 139-0000-1111，明天回', `电话 ${redacted}，明天回`],
    ['办公室 027-87654321', `办公室 ${redacted}`],
    ['mail zhang.wei@hust.edu.cn please', `mail ${redacted} please`],
    ['微信：zhang_wei88 已加', `微信：${redacted} 已加`],
    ['WeChat id wxid_abc123', `WeChat id ${redacted}`],
    ['QQ号 12345678', `QQ号 ${redacted}`],
    ['his WeChat: abc_12345', `his WeChat: ${redacted}`],
    ['身份证 42010619800101123X', `身份证 ${redacted}`],
    ['护照号 E12345678', `护照号 ${redacted}`],
    ['Tel +1 (415) 555-0100', `Tel ${redacted}`],
  ];
  for (const [text, expected] of cases) {
    it(text, () => expect(redactContacts(text)).toBe(expected));
  }

  it('keeps dates, years, amounts and ordinary words', () => {
    const text =
      '2024-05-06 拜访，资助 5,000,000 元，2019 年起合作；mentioned the experiment results';
    expect(redactContacts(text)).toBe(text);
  });
});
