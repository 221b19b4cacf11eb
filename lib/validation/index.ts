// Shared validation conventions, used by forms in the browser and by the server alike.
// A zod message is a key of the `errors` catalogue (e.g. 'required', 'cprDate'), translated where it is shown.
import { parseCpr } from '@/lib/matching/cpr';
import * as z from './zod';

// Messages zod writes itself become catalogue keys too, so no untranslated text reaches a person.
// jitless: zod otherwise probes `new Function('')` to decide whether to compile its parsers; the CSP allows no eval,
// so the browser reports that probe as a violation on every form page. Parsing without compiled code is as correct.
z.config({
  jitless: true,
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
    if (issue.code === 'too_big') return 'tooLong';
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'required';
    if (issue.code === 'too_small') return 'tooShort';
    if (issue.code === 'unrecognized_keys') return 'unknownField';
    return 'invalid';
  },
});

export { z };

/** Trimmed text that must be present. */
export const requiredText = (max = 200) => z.string().trim().min(1, 'required').max(max, 'tooLong');

export const email = z.string().trim().min(1, 'emailRequired').max(254, 'tooLong').pipe(z.email('email'));

/**
 * A CPR number as people type it (DDMMYY-SSSS, DDMMYYSSSS, with spaces), normalised to 10 digits. `messages` are the
 * catalogue keys the form shows for a malformed number and for one whose first six digits are not a date.
 */
export function cprNumber(messages: { format: string; date: string } = { format: 'cprFormat', date: 'cprDate' }) {
  return z
    .string()
    .trim()
    .min(1, 'cprRequired')
    .max(20, messages.format)
    .transform((value, ctx) => {
      const parsed = parseCpr(value);
      if (parsed.ok) return parsed.cpr;
      ctx.addIssue({ code: 'custom', message: parsed.error === 'date' ? messages.date : messages.format });
      return z.NEVER;
    });
}

/** Field name → first message key for each failing field (the order of issues is kept). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const flat = z.flattenError(error);
  return { ...(flat.fieldErrors as Record<string, string[]>), ...(flat.formErrors.length ? { _form: flat.formErrors } : {}) };
}

/** A zod message as a full catalogue key: ours are namespaced already, the shared ones live under `errors.`. */
export function messageKey(message: string): string {
  return message.includes('.') ? message : `errors.${message}`;
}
