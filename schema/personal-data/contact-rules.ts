import { z } from 'zod';
import { because } from '../shared/validate.ts';

/** The rules for each kind of contact detail (shared by setContact and roster import). */
export const contactRules = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('phone'),
    value: z
      .string()
      .trim()
      .refine(
        (v) => /^\+?[0-9 ()-]{5,20}$/.test(v),
        because('not_phone', 'must be a phone number'),
      ),
  }),
  z.object({
    kind: z.literal('email'),
    value: z.string().trim().max(200).email({ message: 'must be an e-mail address' }),
  }),
  z.object({
    kind: z.literal('wechat'),
    value: z
      .string()
      .trim()
      .refine(
        (v) => /^[A-Za-z][-_A-Za-z0-9]{5,19}$/.test(v),
        because('not_wechat', 'must be a WeChat id (6-20 letters, digits, - or _)'),
      ),
  }),
  z.object({
    kind: z.literal('id_number'),
    value: z
      .string()
      .trim()
      .refine(
        (v) => /^[0-9]{17}[0-9Xx]$|^[A-Z0-9]{6,20}$/.test(v),
        because('not_id_number', 'must be an identity or passport number'),
      ),
  }),
]);
