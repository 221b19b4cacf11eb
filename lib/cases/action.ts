// The one way a caseworker server action runs: authenticate and authorise first (so a stranger learns nothing,
// not even whether the input was valid), then validate with the shared schema, then call lib; every failure
// becomes a translated result the form can show, with the case's fresh state on a conflict.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireStaff, roleCan, type Capability, type Staff } from '@/lib/auth';
import { forbidden, fromZod, toAppError, type ErrorCode } from '@/lib/errors';
import { logger } from '@/lib/log';
import type { z } from '@/lib/validation';
import { messageKey } from './decision-schemas';
import type { FreshState } from '@/lib/applications/case';

export type ActionFailure = { ok: false; code: ErrorCode; message: string; fields?: Record<string, string[]>; fresh?: FreshState };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export async function runStaffAction<S extends z.ZodType, T extends object>(
  capabilities: Capability[],
  schema: S,
  input: unknown,
  run: (staff: Staff, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const [first, ...more] = capabilities;
    const staff = await requireStaff(first!);
    if (more.some((c) => !roleCan(staff.role, c))) throw forbidden();
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    return { ok: true, ...(await run(staff, parsed.data)) };
  } catch (error) {
    unstable_rethrow(error);
    const e = toAppError(error);
    if (e.code === 'INTERNAL') logger.error({ err: e.cause ?? error }, 'caseworker action failed');
    else logger.info({ code: e.code, messageKey: e.messageKey }, 'caseworker action refused');
    const t = await getTranslations();
    const fresh = e.details.fresh as FreshState | undefined;
    const values = fresh ? { state: t(`caseworker.states.${fresh.state}`), assignee: fresh.assigneeName ?? '' } : undefined;
    const fields = e.details.fields
      ? Object.fromEntries(Object.entries(e.details.fields).map(([k, keys]) => [k, keys.map((key) => t(messageKey(key)))]))
      : undefined;
    return {
      ok: false,
      code: e.code,
      message: t(messageKey(e.messageKey), values),
      ...(fields ? { fields } : {}),
      ...(fresh ? { fresh } : {}),
    };
  }
}
