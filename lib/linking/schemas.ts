// The journey's input schemas, shared by the browser forms (react-hook-form) and the route handlers.
// Client-safe: no server-only imports. Messages are keys of the `errors` catalogue.
import { parseCpr } from '@/lib/matching';
import { EU_EEA_COUNTRIES } from '@/lib/identity/countries';
import { email, z } from '@/lib/validation';

/** A CPR number as people type it (DDMMYY-SSSS, DDMMYYSSSS, with spaces), normalised to 10 digits. */
export const cprNumber = z
  .string()
  .trim()
  .min(1, 'required')
  .max(20, 'cprFormat')
  .transform((value, ctx) => {
    const parsed = parseCpr(value);
    if (parsed.ok) return parsed.cpr;
    ctx.addIssue({ code: 'custom', message: parsed.error === 'date' ? 'cprDate' : 'cprFormat' });
    return z.NEVER;
  });

export const cprAndEmailSchema = z.object({ cpr: cprNumber, email }).strict();
export type CprAndEmailInput = z.input<typeof cprAndEmailSchema>;
export type CprAndEmail = z.output<typeof cprAndEmailSchema>;

export const startSchema = z.object({
  country: z.enum(EU_EEA_COUNTRIES, 'countryRequired'),
  returnTo: z.string().trim().max(2000).optional(),
});
