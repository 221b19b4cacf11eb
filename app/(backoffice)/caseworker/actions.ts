'use server';
// The caseworker's server actions. Each one is a thin door: runStaffAction authenticates, authorises and
// validates; the rule lives in lib/applications and lib/cases. All take one plain object and return a result.
import { approveApplication, rejectApplication } from '@/lib/applications/decisions';
import { requestMoreInformation } from '@/lib/applications/request-info';
import { runStaffAction, type ActionResult } from '@/lib/cases/action';
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
import { z } from '@/lib/validation';

const nothing = z.undefined().or(z.object({}).strict());

export async function takeNextCaseAction(input?: unknown): Promise<ActionResult<{ applicationId: string | null }>> {
  return runStaffAction(['caseworker'], nothing, input, async (staff) => ({ applicationId: (await takeNextCase(getDb(), staff))?.applicationId ?? null }));
}

export async function takeCaseAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runStaffAction(['caseworker'], takeSchema, input, (staff, data) => takeCase(getDb(), { ...data, staff }));
}

export async function releaseCaseAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runStaffAction(['caseworker'], releaseSchema, input, (staff, data) => releaseCase(getDb(), { ...data, staff }));
}

export async function reassignCaseAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runStaffAction(['caseworker', 'supervisor'], reassignSchema, input, (staff, data) => reassignCase(getDb(), { ...data, staff }));
}

export async function approveAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runStaffAction(['caseworker'], approveSchema, input, async (staff, data) => {
    const { version } = await approveApplication(getDb(), { ...data, staff });
    return { version };
  });
}

export async function rejectAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runStaffAction(['caseworker'], rejectSchema, input, (staff, data) => rejectApplication(getDb(), { ...data, staff }));
}

export async function requestInfoAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runStaffAction(['caseworker'], requestInfoSchema, input, async (staff, data) => {
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
  return runStaffAction(['caseworker'], noteSchema, input, (staff, data) => addNote(getDb(), { ...data, staff }));
}
