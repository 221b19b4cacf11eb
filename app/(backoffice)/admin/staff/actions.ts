'use server';
// Staff administration actions: each authenticates, checks the admin role and validates before calling lib/staff.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { requireStaff } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { changeStaffRole, createStaff, resendSetPasswordLink, setStaffActive } from '@/lib/staff/accounts';
import { parseForm, stateFromError, type FormState } from '@/lib/staff/action-state';
import { changeRoleSchema, createStaffSchema, staffIdSchema } from '@/lib/staff/schemas';

async function locale() {
  const l = await getLocale();
  return isLocale(l) ? l : 'en';
}

function staffId(id: unknown): string {
  const parsed = staffIdSchema.safeParse(id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function createStaffAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    const admin = await requireStaff('admin');
    const input = parseForm(createStaffSchema, form, ['name', 'email', 'role']);
    ({ id } = await createStaff(getDb(), admin, input, await locale()));
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath('/admin/staff');
  redirect(`/admin/staff/${id}?created=1`);
}

export async function changeRoleAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  try {
    const admin = await requireStaff('admin');
    const { role } = parseForm(changeRoleSchema, form, ['role']);
    await changeStaffRole(getDb(), admin, staffId(userId), role);
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath(`/admin/staff/${userId}`);
  return { notice: 'changeRole.done' };
}

export async function setActiveAction(userId: string, active: boolean, _prev: FormState): Promise<FormState> {
  try {
    const admin = await requireStaff('admin');
    // The page binds true or false; anything else (a hand-made call) would reach the database as a cast.
    if (typeof active !== 'boolean') throw new AppError('INVALID_INPUT', 'INVALID_INPUT');
    await setStaffActive(getDb(), admin, staffId(userId), active);
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath(`/admin/staff/${userId}`);
  return { notice: active ? 'reactivate.done' : 'deactivate.done' };
}

export async function resendInviteAction(userId: string, _prev: FormState): Promise<FormState> {
  try {
    const admin = await requireStaff('admin');
    await resendSetPasswordLink(getDb(), admin, staffId(userId), await locale());
  } catch (e) {
    return stateFromError(e);
  }
  return { notice: 'invite.done' };
}
