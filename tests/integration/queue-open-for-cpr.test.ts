// The queue marks open applications that share a CPR number with another open one (from another eID), so neither
// caseworker decides without knowing; closed applications are not counted, and a key rotation hides none of them.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema';
import { approveApplication } from '@/lib/applications/decisions';
import { takeCase } from '@/lib/cases/assignments';
import { withdrawApplication } from '@/lib/applications/withdraw';
import type { Staff } from '@/lib/auth';
import { listQueue } from '@/lib/cases/queue';
import { parseQueueFilters } from '@/lib/cases/queue-filters';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { blindIndex } from '@/lib/security/crypto';
import { createApplication, createRegisterPerson, staffOf, uniqueCpr } from './support/fixtures';
import { createStaff } from './support/staff';

let me: Staff;
const now = new Date('2026-03-18T09:00:00Z');
/** The INDEX_KEY before a rotation (the tests' current key is 32 bytes of 9). */
const oldIndexKey = Buffer.alloc(32, 5).toString('base64');

beforeAll(async () => {
  me = staffOf(await createStaff('me@example.dk', 'caseworker', 'Me'));
});

/** The queue's view as the page asks for it: reference → how many other open applications hold its CPR number. */
async function marks(params: Record<string, string> = {}) {
  const { rows } = await listQueue(getDb(), parseQueueFilters(params), { staffId: me.id, now, targetDays: 5 });
  return Object.fromEntries(rows.map((r) => [r.reference, r.otherOpenForCpr]));
}

describe('open applications for one CPR number, in the queue', () => {
  it('marks every open application that shares its CPR number with another open one, and no other', async () => {
    const cpr = uniqueCpr('1990-01-01');
    const first = await createApplication({ cpr, reference: 'IM-AAAA-2222', country: 'PL' });
    const second = await createApplication({ cpr, reference: 'IM-BBBB-3333', country: 'SE', state: 'in_review', assignedTo: me.id });
    await createApplication({ reference: 'IM-CCCC-4444' });
    // The same CPR number on decided applications is history, not a second claimant.
    await createApplication({ cpr, reference: 'IM-DDDD-5555', state: 'rejected' });
    expect(first.personIdentifier).not.toBe(second.personIdentifier);

    expect(await marks()).toEqual({ 'IM-AAAA-2222': 1, 'IM-BBBB-3333': 1, 'IM-CCCC-4444': 0 });
    // A closed row is never marked, in the view of all states either.
    expect(await marks({ state: 'all' })).toMatchObject({ 'IM-AAAA-2222': 1, 'IM-BBBB-3333': 1, 'IM-CCCC-4444': 0, 'IM-DDDD-5555': 0 });
    // Filters that leave the other one out still mark the row: the count is over the whole table.
    expect(await marks({ country: 'PL' })).toEqual({ 'IM-AAAA-2222': 1 });

    // A third claimant: each of the three is one of 3.
    await createApplication({ cpr, reference: 'IM-EEEE-6666', state: 'awaiting_applicant' });
    expect(await marks()).toMatchObject({ 'IM-AAAA-2222': 2, 'IM-BBBB-3333': 2, 'IM-EEEE-6666': 2, 'IM-CCCC-4444': 0 });

    // Once the others are closed, the last one stands alone again.
    await withdrawApplication(getDb(), second.id, { expectedVersion: second.version });
    await getDb().update(applications).set({ state: 'expired' }).where(eq(applications.reference, 'IM-EEEE-6666'));
    expect(await marks()).toEqual({ 'IM-AAAA-2222': 0, 'IM-CCCC-4444': 0 });
  });

  it('finds the other application while a key rotation is under way, in the queue and at approval', async () => {
    const cpr = uniqueCpr('1975-01-01');
    await createRegisterPerson({ cpr, givenNames: 'Anna', familyName: 'Müller', dateOfBirth: '1975-01-01' });
    // Written before the rotation: indexed under the old key only.
    const before = await createApplication({ cpr, dateOfBirth: '1975-01-01', reference: 'IM-FFFF-7777', cprIndex: blindIndex(cpr, oldIndexKey), cprIndexPrev: null });
    // Written during it: under the new key, and the old one in the second column.
    const during = await createApplication({ cpr, dateOfBirth: '1975-01-01', reference: 'IM-GGGG-8888', cprIndex: blindIndex(cpr), cprIndexPrev: blindIndex(cpr, oldIndexKey) });
    expect(await marks({ q: 'IM-FFFF-7777' })).toEqual({ 'IM-FFFF-7777': 1 });
    expect(await marks({ q: 'IM-GGGG-8888' })).toEqual({ 'IM-GGGG-8888': 1 });

    for (const app of [before, during]) {
      const { version } = await takeCase(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: me });
      const refused = await approveApplication(getDb(), { applicationId: app.id, expectedVersion: version, staff: me }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'caseworker.errors.confirmOthers' });
    }
  });
});
