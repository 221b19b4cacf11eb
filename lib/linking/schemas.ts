// The journey's input schemas, shared by the browser forms (react-hook-form) and the route handlers.
// Client-safe: no server-only imports. Messages are keys of the `errors` catalogue.
import { EU_EEA_COUNTRIES } from '@/lib/identity/countries';
import { cprNumber, email, z } from '@/lib/validation';

export const cprAndEmailSchema = z.object({ cpr: cprNumber(), email }).strict();
export type CprAndEmailInput = z.input<typeof cprAndEmailSchema>;
export type CprAndEmail = z.output<typeof cprAndEmailSchema>;

export const startSchema = z.object({
  country: z.enum(EU_EEA_COUNTRIES, 'countryRequired'),
  returnTo: z.string().trim().max(2000).optional(),
});
