import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TIME_ZONE } from '@/lib/calendar/danish-calendar';
import { applicationEvents, applications } from '@/db/schema';
import { expireIdleAssignments, reassignCase, releaseCase, takeCase } from '@/lib/cases/assignments';
import { openDocumentForStaff } from '@/lib/cases/documents';
import type { Staff } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';
import { listExports, listHeavyViewerDays, listUnassignedDocumentViews } from '@/lib/stats/access';
import { exportDashboardTable } from '@/lib/stats/export';
import { parseRange } from '@/lib/stats/range';
import { addDocument, createApplication, staffOf, stateOf } from './support/fixtures';
import { createStaff } from './support/staff';
import { insertStatsFixtures, NOW, RANGE, type FixtureStaff } from './support/stats-fixtures';

let ids: FixtureStaff;
const period = { from: '2025-04-01', to: '2025-04-23' };

async function view(reference: string, actorId: string, at: string, kind = 'passport_photo') {
  const [app] = await getDb().select({ id: applications.id }).from(applications).where(eq(applications.reference, reference));
  await getDb().insert(applicationEvents).values({ applicationId: app!.id, actorType: 'staff', actorId, type: 'document_viewed', data: { kind }, createdAt: new Date(at) });
}

beforeAll(async () => {
  ids = await insertStatsFixtures(getDb());
  // Kasper held IM-X1 from 10:00 to 11:00 on 7 April; Camilla has held IM-X5 since 10 April.
  await view('IM-X1', ids.cw2, '2025-04-07T10:30:00+02:00'); // own case
  await view('IM-X1', ids.cw2, '2025-04-07T11:30:00+02:00'); // after releasing it
  await view('IM-X5', ids.cw1, '2025-04-10T09:30:00+02:00', 'id_front'); // own case
  await view('IM-X5', ids.cw2, '2025-04-10T10:00:00+02:00', 'id_back'); // Camilla's case
  await view('IM-X1', ids.cw1, '2025-04-08T13:00:00+02:00'); // own case (took it 12:30)
  await view('IM-X1', ids.cw1, '2025-04-08T15:00:00+02:00'); // after approving it
  for (let i = 0; i < 25; i++) await view('IM-X6', ids.sup, `2025-04-22T12:${String(i).padStart(2, '0')}:00+02:00`); // never taken
  await view('IM-X6', ids.sup, '2025-03-31T23:59:00+02:00'); // previous period
});

describe('access oversight', () => {
  it('lists document views of cases the viewer did not hold at the time', async () => {
    const { rows, total } = await listUnassignedDocumentViews(getDb(), period);
    expect(total).toBe(28);
    const bySomeoneElse = rows.filter((r) => r.viewerId !== ids.sup).map((r) => [r.reference, r.viewer, r.document, r.heldBy]);
    expect(bySomeoneElse).toEqual([
      ['IM-X5', 'Kasper', 'id_back', 'Camilla'],
      ['IM-X1', 'Camilla', 'passport_photo', null],
      ['IM-X1', 'Kasper', 'passport_photo', null],
    ]);
    expect(rows.filter((r) => r.viewerId === ids.sup)).toHaveLength(25);
    expect(rows[0]!.at).toEqual(new Date('2025-04-22T12:24:00+02:00'));
  });

  it('flags a person-day with more than three times the median views (and more than 20)', async () => {
    const { rows, threshold } = await listHeavyViewerDays(getDb(), period);
    // Person-days: Kasper 7 April (2), Camilla 8 April (2), Camilla 10 April (1), Kasper 10 April (1), Sofie 22 April (25).
    expect(threshold).toBe(20);
    expect(rows).toEqual([{ day: '2025-04-22', viewerId: ids.sup, viewer: 'Sofie', views: 25, applications: 1 }]);
  });

  it('lists the exports of the period with who, what and which dates', async () => {
    const supervisor: Staff = { id: ids.sup, email: 'sofie@example.dk', name: 'Sofie', role: 'supervisor', sessionId: 's' };
    await exportDashboardTable(getDb(), supervisor, 'backlog', parseRange(RANGE, NOW).range, 'en', NOW);
    // The export is recorded now; its day is Copenhagen's, which is already tomorrow in UTC's last hour(s).
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: TIME_ZONE });
    const { rows, total } = await listExports(getDb(), { from: '2025-01-01', to: today > '2025-01-01' ? today : '2025-01-01' });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ who: 'Sofie', table: 'backlog', from: '2025-04-01', to: '2025-04-23', rows: 4 });
    expect(rows[0]!.at).toBeInstanceOf(Date);
    expect(Number.isNaN(rows[0]!.at.getTime())).toBe(false);
    expect((await listExports(getDb(), period)).total).toBe(0);
  });
});

describe('access oversight follows every assignment event', () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const period = { from: today, to: today };

  it('knows who held the case at each view: taken, idle-expired, reassigned (from the queue and between people) and released', async () => {
    const db = getDb();
    const [ulla, viggo, lead] = await Promise.all([
      createStaff('ulla@example.dk', 'caseworker', 'Ulla'),
      createStaff('viggo@example.dk', 'caseworker', 'Viggo'),
      createStaff('lead@example.dk', 'supervisor', 'Lead'),
    ]);
    const [u, v, s] = [staffOf(ulla), staffOf(viggo), staffOf(lead)];
    const app = await createApplication({ submittedAt: new Date(Date.now() - 86_400_000) });
    const documentId = await addDocument(app.id);
    const look = async (who: Staff) => (await openDocumentForStaff(db, { documentId, staff: who, size: 'thumb' })).body.destroy();
    const versionOf = async () => (await stateOf(app.id)).version;

    await takeCase(db, { applicationId: app.id, expectedVersion: app.version, staff: u });
    await look(u); // Ulla's own case: not listed
    // Ulla leaves it for more than two hours: the expiry job returns it to the queue.
    await db.update(applications).set({ lastActivityAt: new Date(Date.now() - 3 * 3600_000), assignedAt: new Date(Date.now() - 3 * 3600_000) }).where(eq(applications.id, app.id));
    expect(await expireIdleAssignments(db)).toEqual({ released: 1 });
    await look(u); // 1: nobody holds it now, not even Ulla
    await reassignCase(db, { applicationId: app.id, expectedVersion: await versionOf(), staff: s, assignee: v.id });
    await look(v); // Viggo's case now: not listed
    await look(u); // 2: held by Viggo
    await reassignCase(db, { applicationId: app.id, expectedVersion: await versionOf(), staff: s, assignee: u.id });
    await look(u); // Ulla's again: not listed
    await look(v); // 3: held by Ulla
    await releaseCase(db, { applicationId: app.id, expectedVersion: await versionOf(), staff: u });
    await look(v); // 4: back in the queue
    await takeCase(db, { applicationId: app.id, expectedVersion: await versionOf(), staff: v });
    await look(v); // Viggo took it: not listed
    await reassignCase(db, { applicationId: app.id, expectedVersion: await versionOf(), staff: s, assignee: '' });
    await look(v); // 5: the supervisor put it back in the queue

    const { rows, total } = await listUnassignedDocumentViews(db, period);
    const mine = rows.filter((r) => r.reference === app.reference).reverse();
    expect(mine.map((r) => [r.viewer, r.heldBy])).toEqual([
      ['Ulla', null],
      ['Ulla', 'Viggo'],
      ['Viggo', 'Ulla'],
      ['Viggo', null],
      ['Viggo', null],
    ]);
    expect(total).toBe(5);
  });
});
