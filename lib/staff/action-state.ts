// What a staff form shows after its server action: field errors and a form-level message, as catalogue keys.
// Domain errors become these; anything unexpected is rethrown to the error page and the log.
import { AppError, fromZod } from '@/lib/errors';
import type { z } from '@/lib/validation';

export type FormState = { fields?: Record<string, string[]>; formError?: string; notice?: string; done?: boolean };

export function stateFromError(error: unknown): FormState {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'INVALID_INPUT' && error.details.fields) {
    const { _form, ...fields } = error.details.fields;
    return { fields, formError: _form?.[0] };
  }
  return { formError: error.messageKey };
}

/** Parses form data with a shared schema, throwing the INVALID_INPUT error the form shows. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, fields: string[]): z.output<S> {
  // Anything but form data (a hand-made request) is simply empty input: field errors, never a crash.
  const get = (f: string) => (form instanceof FormData ? (form.get(f) ?? undefined) : undefined);
  const raw = Object.fromEntries(fields.map((f) => [f, get(f)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}
