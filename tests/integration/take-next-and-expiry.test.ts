import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { expireIdleAssignments, reassignCase, releaseCase, takeNextCase } from '@/lib/cases/assignments';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { jobs } from '@/lib/jobs/registry';
import { createApplication, staffOf, stateOf } from './support/fixtures';
import { createStaff } from './support/staff';

let staff: Staff[];
let supervisor: Staff;

beforeAll(async () => {
  staff = await Promise.all(Array.from({ length: 8 }, async (_, i) => staffOf(await createStaff(`cw${i}@example.dk`, 'caseworker', `Caseworker ${i}`))));
  supervisor = staffOf(await createStaff('lead@example.dk', 'supervisor', 'Lead'));
});

beforeEach(async () => {
  // Each test starts with an empty queue: everything earlier is decided.
  await getDb().update(applications).set({ state: 'approved', assignedTo: null }).where(sql`true`);
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

describe('take next case', () => {
  it('assigns the oldest waiting, unassigned application to me', async () => {
    const newer = await createApplication({ submittedAt: hoursAgo(5) });
    const older = await createApplication({ submittedAt: hoursAgo(50) });
    await createApplication({ submittedAt: hoursAgo(90), state: 'awaiting_applicant' });
    const taken = await takeNextCase(getDb(), staff[0]!);
    expect(taken?.applicationId).toBe(older.id);
    expect(await stateOf(older.id)).toMatchObject({ state: 'in_review', assigned_to: staff[0]!.id, version: older.version + 1 });
    expect(await stateOf(newer.id)).toMatchObject({ state: 'submitted', assigned_to: null });
    const [event] = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, older.id), eq(applicationEvents.type, 'taken')));
    expect(event).toMatchObject({ actorType: 'staff', actorId: staff[0]!.id });
  });

  it('gives the one remaining case to exactly one of two caseworkers pressing at the same moment', async () => {
    const only = await createApplication();
    const results = await Promise.all([takeNextCase(getDb(), staff[0]!), takeNextCase(getDb(), staff[1]!)]);
    expect(results.filter(Boolean)).toEqual([{ applicationId: only.id }]);
    const taken = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, only.id), eq(applicationEvents.type, 'taken')));
    expect(taken).toHaveLength(1);
  });

  it('never gives one case to two of eight caseworkers racing for three cases', async () => {
    const cases = await Promise.all([1, 2, 3].map((h) => createApplication({ submittedAt: hoursAgo(h) })));
    const results = await Promise.all(staff.map((s) => takeNextCase(getDb(), s)));
    const ids = results.flatMap((r) => (r ? [r.applicationId] : []));
    expect(ids.sort()).toEqual(cases.map((c) => c.id).sort());
    const owners = await Promise.all(cases.map(async (c) => (await stateOf(c.id)).assigned_to));
    expect(new Set(owners).size).toBe(3);
  });

  it('answers null when nothing is waiting', async () => {
    expect(await takeNextCase(getDb(), staff[0]!)).toBeNull();
  });
});

describe('assignment expiry', () => {
  it('returns a case idle for 2 hours to the queue and keeps a case worked on recently', async () => {
    const idle = await createApplication({ state: 'in_review', assignedTo: staff[0]!.id, assignedAt: hoursAgo(3), lastActivityAt: hoursAgo(2.1), version: 2 });
    const busy = await createApplication({ state: 'in_review', assignedTo: staff[1]!.id, assignedAt: hoursAgo(3), lastActivityAt: hoursAgo(1), version: 2 });
    const expiry = jobs.find((j) => j.name === 'assignment-expiry')!;
    expect(await expiry.run(getDb())).toEqual({ released: 1 });
    expect(await stateOf(idle.id)).toMatchObject({ state: 'submitted', assigned_to: null, version: 3 });
    expect(await stateOf(busy.id)).toMatchObject({ state: 'in_review', assigned_to: staff[1]!.id, version: 2 });
    const [event] = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, idle.id), eq(applicationEvents.type, 'assignment_expired')));
    expect(event).toMatchObject({ actorType: 'system', data: { from: staff[0]!.id } });
    // The released case is the next one anyone takes.
    expect(await takeNextCase(getDb(), staff[2]!)).toEqual({ applicationId: idle.id });
  });

  it('does nothing when run again', async () => {
    await createApplication({ state: 'in_review', assignedTo: staff[0]!.id, assignedAt: hoursAgo(5), lastActivityAt: hoursAgo(5), version: 2 });
    expect(await expireIdleAssignments(getDb())).toEqual({ released: 1 });
    expect(await expireIdleAssignments(getDb())).toEqual({ released: 0 });
  });
});

describe('release and reassignment', () => {
  it('lets the assignee release a case back to the queue', async () => {
    const app = await createApplication({ state: 'in_review', assignedTo: staff[0]!.id, assignedAt: new Date(), version: 2 });
    await releaseCase(getDb(), { applicationId: app.id, expectedVersion: 2, staff: staff[0]! });
    expect(await stateOf(app.id)).toMatchObject({ state: 'submitted', assigned_to: null, version: 3 });
  });

  it('lets a supervisor give a case to another caseworker, and not a caseworker', async () => {
    const app = await createApplication({ state: 'in_review', assignedTo: staff[0]!.id, assignedAt: new Date(), version: 2 });
    const refused = await reassignCase(getDb(), { applicationId: app.id, expectedVersion: 2, staff: staff[1]!, assignee: staff[1]!.id }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    await reassignCase(getDb(), { applicationId: app.id, expectedVersion: 2, staff: supervisor, assignee: staff[3]!.id });
    expect(await stateOf(app.id)).toMatchObject({ state: 'in_review', assigned_to: staff[3]!.id, version: 3 });
    await reassignCase(getDb(), { applicationId: app.id, expectedVersion: 3, staff: supervisor, assignee: '' });
    expect(await stateOf(app.id)).toMatchObject({ state: 'submitted', assigned_to: null, version: 4 });
    const events = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.type, 'reassigned')));
    expect(events.map((e) => e.data)).toEqual([
      { from: staff[0]!.id, to: staff[3]!.id },
      { from: staff[3]!.id, to: null },
    ]);
  });
});
