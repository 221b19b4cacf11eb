'use server';
// The caseworker's server actions. Each one opens with the action door (lib/http/action), which authenticates,
// authorises and validates; the rule lives in lib/applications and lib/cases. All take one plain object.
import { approveApplication, rejectApplication } from '@/lib/applications/decisions';
import { requestMoreInformation } from '@/lib/applications/request-info';
import { reassignCase, releaseCase, takeCase, takeNextCase } from '@/lib/cases/assignments';
import {
  approveSchema,
  infoItemsOf,
  noteSchema,
  reassignSchema,
  rejectSchema,
  releaseSchema,
  requestInfoSchema,
  takeSchema,
} from '@/lib/cases/decision-schemas';
import { addNote } from '@/lib/cases/notes';
import { getDb } from '@/lib/db';
import { action, type ActionResult } from '@/lib/http/action';
import { z } from '@/lib/validation';

const nothing = z.undefined().or(z.object({}).strict());

export async function takeNextCaseAction(input?: unknown): Promise<ActionResult<{ applicationId: string | null }>> {
  return action({ who: { staff: 'caseworker' }, schema: nothing }, input, async (staff) => ({ applicationId: (await takeNextCase(getDb(), staff))?.applicationId ?? null }));
}

export async function takeCaseAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return action({ who: { staff: 'caseworker' }, schema: takeSchema }, input, (staff, data) => takeCase(getDb(), { ...data, staff }));
}

export async function releaseCaseAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return action({ who: { staff: 'caseworker' }, schema: releaseSchema }, input, (staff, data) => releaseCase(getDb(), { ...data, staff }));
}

export async function reassignCaseAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return action({ who: { staff: ['caseworker', 'supervisor'] }, schema: reassignSchema }, input, (staff, data) => reassignCase(getDb(), { ...data, staff }));
}

export async function approveAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return action({ who: { staff: 'caseworker' }, schema: approveSchema }, input, async (staff, data) => {
    const { version } = await approveApplication(getDb(), { ...data, staff });
    return { version };
  });
}

export async function rejectAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return action({ who: { staff: 'caseworker' }, schema: rejectSchema }, input, (staff, data) => rejectApplication(getDb(), { ...data, staff }));
}

export async function requestInfoAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return action({ who: { staff: 'caseworker' }, schema: requestInfoSchema }, input, async (staff, data) => {
    const { version } = await requestMoreInformation(getDb(), {
      applicationId: data.applicationId,
      expectedVersion: data.expectedVersion,
      staff,
      items: infoItemsOf(data),
      message: data.message,
    });
    return { version };
  });
}

export async function addNoteAction(input: unknown): Promise<ActionResult<{ noteId: string }>> {
  return action({ who: { staff: 'caseworker' }, schema: noteSchema }, input, (staff, data) => addNote(getDb(), { ...data, staff }));
}
