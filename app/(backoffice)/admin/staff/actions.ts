'use server';
// Staff administration actions: each opens with the action door (lib/http/action), which checks the admin role and
// validates the form, then calls lib/staff.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { action, type ActionResult } from '@/lib/http/action';
import { isLocale } from '@/lib/i18n/config';
import { changeStaffRole, createStaff, resendSetPasswordLink, setStaffActive } from '@/lib/staff/accounts';
import { changeRoleSchema, createStaffSchema, staffIdSchema } from '@/lib/staff/schemas';
import { z } from '@/lib/validation';

/** What a staff form shows after its action: the refusal, or the notice of what was done. */
export type StaffFormState = ActionResult<{ notice?: string }> | null;

const admin = { staff: 'admin' } as const;
// The page binds true or false; anything else (a hand-made call) would reach the database as a cast.
const activeSchema = z.boolean({ error: 'INVALID_INPUT' });
const nothing = z.unknown();

async function locale() {
  const l = await getLocale();
  return isLocale(l) ? l : 'en';
}

function staffId(id: unknown): string {
  const parsed = staffIdSchema.safeParse(id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function createStaffAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const result = await action({ who: admin, schema: createStaffSchema, form: ['name', 'email', 'role'] }, form, async (staff, input) => createStaff(getDb(), staff, input, await locale()));
  if (!result.ok) return result;
  revalidatePath('/admin/staff');
  redirect(`/admin/staff/${result.id}?created=1`);
}

export async function changeRoleAction(userId: string, _prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const result = await action({ who: admin, schema: changeRoleSchema, form: ['role'] }, form, async (staff, { role }) => {
    await changeStaffRole(getDb(), staff, staffId(userId), role);
    return { notice: 'changeRole.done' };
  });
  if (result.ok) revalidatePath(`/admin/staff/${userId}`);
  return result;
}

export async function setActiveAction(userId: string, active: boolean, _prev: StaffFormState): Promise<StaffFormState> {
  const result = await action({ who: admin, schema: activeSchema }, active, async (staff, value) => {
    await setStaffActive(getDb(), staff, staffId(userId), value);
    return { notice: value ? 'reactivate.done' : 'deactivate.done' };
  });
  if (result.ok) revalidatePath(`/admin/staff/${userId}`);
  return result;
}

export async function resendInviteAction(userId: string, _prev: StaffFormState): Promise<StaffFormState> {
  return action({ who: admin, schema: nothing }, undefined, async (staff) => {
    await resendSetPasswordLink(getDb(), staff, staffId(userId), await locale());
    return { notice: 'invite.done' };
  });
}
