import { z } from 'zod';
import { because } from './validate.ts';

/**
 * Field rules shared by every input. Text is trimmed; control characters are refused because they
 * break exports and hide differences between names.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .refine(
      (s) => !controlCharacters.test(s),
      because('control_characters', 'must not contain control characters'),
    )
    .refine((s) => s.isWellFormed(), because('bad_unicode', 'must be valid Unicode'));

export const requiredText = (max: number) =>
  text(max).refine((s) => s.length > 0, because('empty', 'must not be empty'));

export const textList = (maxItems: number, maxLength: number) =>
  z
    .array(requiredText(maxLength))
    .max(maxItems, { message: `must have at most ${maxItems} items` });

export const year = z
  .number()
  .int({ message: 'must be a whole year' })
  .min(1900, { message: 'must be 1900 or later' })
  .refine(
    (y) => y <= new Date().getUTCFullYear() + 10,
    because('year_too_late', 'must not be more than 10 years in the future'),
  );

export const birthYear = z
  .number()
  .int({ message: 'must be a whole year' })
  .min(1900, { message: 'must be 1900 or later' })
  .refine(
    (y) => y <= new Date().getUTCFullYear(),
    because('in_future', 'must not be in the future'),
  );

export const unitInterval = z
  .number()
  .min(0, { message: 'must be between 0 and 1' })
  .max(1, { message: 'must be between 0 and 1' });

export const url = z
  .string()
  .trim()
  .max(2000)
  .url({ message: 'must be a URL' })
  .refine((u) => /^https?:/i.test(u), because('not_http', 'must be an http(s) URL'));

/** Names of a thing: the display name, a Latin form, other spellings. */
export const names = {
  name: requiredText(200),
  latinName: text(200).nullish(),
  aliases: textList(30, 200).nullish(),
};

/** Provenance fields every entity and tie accepts. */
export const provenance = {
  verified: z.boolean().nullish(),
  confidence: unitInterval.nullish(),
};
