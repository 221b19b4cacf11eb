// The one door of a server action: action({ who, schema, form }, input, run) checks who is asking first (so a
// stranger learns nothing, not even whether the input was valid), then validates the input with the shared schema
// (a plain object, or the named fields of a form), then calls lib. An action answers one ActionResult: success, or a
// refusal with its code, a translated message, its catalogue key and the fields' catalogue keys, and the case's fresh
// state on a conflict. Next's redirects and not-found pass through. A plain form post that answers with a page (sign-in
// and sign-out, the language switcher) gives `refuse` instead: success is what `run` returned (or its redirect), a
// refusal is what `refuse` makes of it, and a failure of ours is thrown to the error page.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { FreshState } from '@/lib/applications/case';
import type { Capability, Staff } from '@/lib/auth';
import { fromZod, toAppError, type AppError, type ErrorCode } from '@/lib/errors';
import { logger } from '@/lib/log';
import { messageKey, type z } from '@/lib/validation';

export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  /** The translated message (naming the fresh state on a conflict). */
  message: string;
  /** The form-level message as a catalogue key, for a form that translates it itself. */
  formError?: string;
  /** Each field's messages as catalogue keys (see messageKey()). */
  fields?: Record<string, string[]>;
  fresh?: FreshState;
};
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/** Who may call: anyone (the credential, if any, is in the input), or staff with every one of the capabilities. */
export type ActionWho = 'anyone' | { staff: Capability | Capability[] };

type ActionCaller<W extends ActionWho> = W extends { staff: Capability | Capability[] } ? Staff : null;

export type ActionOptions<W extends ActionWho, S extends z.ZodType> = {
  who: W;
  schema: S;
  /** The input is a form: these fields are read from it (anything but form data is empty input). */
  form?: readonly string[];
};

/** The named fields of a form as a plain object; called by hand, an action can be sent anything, and anything but form data is empty input. */
export function formFields(form: unknown, fields: readonly string[]): Record<string, FormDataEntryValue | undefined> {
  return Object.fromEntries(fields.map((f) => [f, form instanceof FormData ? (form.get(f) ?? undefined) : undefined]));
}

function inputOf(input: unknown, form: readonly string[] | undefined): unknown {
  return form ? formFields(input, form) : input;
}

/** A form post that answers with a page: what a refusal (bad input, wrong credentials, a limit) shows instead. */
export type Refuse<R> = (error: AppError) => R;

async function callerOf<W extends ActionWho>(who: W): Promise<ActionCaller<W>> {
  if (who === 'anyone') return null as ActionCaller<W>;
  // Loaded only for staff: the public pages' actions stay free of next-auth's session code.
  const { requireStaff } = await import('@/lib/auth');
  return (await requireStaff((who as { staff: Capability | Capability[] }).staff)) as ActionCaller<W>;
}

export async function action<W extends ActionWho, S extends z.ZodType, T extends object>(
  options: ActionOptions<W, S>,
  input: unknown,
  run: (caller: ActionCaller<W>, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>>;
export async function action<W extends ActionWho, S extends z.ZodType, T, R>(
  options: ActionOptions<W, S> & { refuse: Refuse<R> },
  input: unknown,
  run: (caller: ActionCaller<W>, data: z.output<S>) => Promise<T>,
): Promise<T | R>;
export async function action<W extends ActionWho, S extends z.ZodType, T, R>(
  options: ActionOptions<W, S> & { refuse?: Refuse<R> },
  input: unknown,
  run: (caller: ActionCaller<W>, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T & object> | T | R> {
  try {
    const caller = await callerOf(options.who);
    const parsed = options.schema.safeParse(inputOf(input, options.form));
    if (!parsed.success) throw fromZod(parsed.error);
    const done = await run(caller, parsed.data);
    return options.refuse ? done : { ok: true, ...(done as T & object) };
  } catch (error) {
    unstable_rethrow(error);
    const e = toAppError(error);
    if (e.code === 'INTERNAL') logger.error({ err: e.cause ?? error }, 'server action failed');
    else logger.info({ code: e.code, messageKey: e.messageKey }, 'server action refused');
    if (options.refuse) {
      if (e.code === 'INTERNAL') throw error;
      return options.refuse(e);
    }
    const t = await getTranslations();
    const fresh = e.details.fresh as FreshState | undefined;
    const values = fresh ? { state: t(`caseworker.states.${fresh.state}`), assignee: fresh.assigneeName ?? '' } : undefined;
    const fields = e.details.fields;
    const formError = fields ? fields._form?.[0] : e.messageKey;
    return {
      ok: false,
      code: e.code,
      message: t(messageKey(e.messageKey), values),
      ...(formError ? { formError } : {}),
      ...(fields ? { fields } : {}),
      ...(fresh ? { fresh } : {}),
    };
  }
}
