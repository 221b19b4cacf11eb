// Hand-counted statistics fixtures around Easter 2025 (Maundy Thursday 17 April to Easter Monday 21 April), with
// events just before and just after midnight in Copenhagen on 31 March (CEST, UTC+2). The expected figures are
// worked out by hand in tests/integration/stats-dashboard.test.ts.
import { applicationEvents, applications, eidIdentities, identityLinks, infoRequests, matchAttempts, users } from '@/db/schema';
import type { Db } from '@/lib/db';
import { blindIndex, encrypt, randomToken, sha256 } from '@/lib/security/crypto';

/** Wednesday 23 April 2025, 12:00 in Copenhagen. */
export const NOW = new Date('2025-04-23T12:00:00+02:00');
export const RANGE = { range: 'custom', from: '2025-04-01', to: '2025-04-23' } as const;

export type FixtureStaff = { cw1: string; cw2: string; sup: string; admin: string };

const at = (local: string) => new Date(local);

export async function insertStatsFixtures(db: Db): Promise<FixtureStaff> {
  const staff = await db
    .insert(users)
    .values([
      { email: 'camilla@example.dk', name: 'Camilla', role: 'caseworker' },
      { email: 'kasper@example.dk', name: 'Kasper', role: 'caseworker' },
      { email: 'sofie@example.dk', name: 'Sofie', role: 'supervisor' },
      { email: 'anders@example.dk', name: 'Anders', role: 'admin' },
    ])
    .returning({ id: users.id });
  const [cw1, cw2, sup, admin] = staff.map((s) => s.id) as [string, string, string, string];

  const login = (country: string, receivedAt: string) => ({
    personIdentifier: `${country}/DK/${randomToken(6)}`,
    country,
    givenNames: 'Test',
    familyName: 'Person',
    dateOfBirth: '1980-01-01',
    levelOfAssurance: 'substantial' as const,
    issuer: 'test',
    receivedAt: at(receivedAt),
  });
  await db.insert(eidIdentities).values([
    login('DE', '2025-04-01T00:30:00+02:00'), // just after midnight: 1 April (still 31 March in UTC)
    login('DE', '2025-04-10T12:00:00+02:00'),
    login('SE', '2025-04-15T09:00:00+02:00'),
    login('PL', '2025-04-23T09:00:00+02:00'), // today: never in the roll-up
    login('PL', '2025-04-02T10:00:00+02:00'),
    login('DE', '2025-03-31T23:30:00+02:00'), // just before midnight: previous period
    login('SE', '2025-03-20T10:00:00+01:00'),
    login('DE', '2025-03-08T23:30:00+01:00'), // before both periods
  ]);

  const attempt = (country: string, method: 'auto' | 'mitid', outcome: (typeof matchAttempts.$inferInsert)['outcome'], reasons: string[], createdAt: string) => ({
    personIdentifier: `${country}/DK/${randomToken(6)}`,
    country,
    method,
    outcome,
    reasons,
    createdAt: at(createdAt),
  });
  await db.insert(matchAttempts).values([
    attempt('DE', 'auto', 'match', ['name_exact'], '2025-04-01T00:31:00+02:00'),
    attempt('DE', 'auto', 'manual', ['name_fuzzy_family'], '2025-04-10T12:02:00+02:00'),
    attempt('DE', 'mitid', 'match', [], '2025-04-10T12:05:00+02:00'),
    attempt('SE', 'auto', 'no_match', ['birth_date_differs'], '2025-04-15T09:02:00+02:00'),
    attempt('PL', 'auto', 'not_found', [], '2025-04-23T09:02:00+02:00'),
    attempt('PL', 'auto', 'rate_limited', [], '2025-04-02T10:01:00+02:00'),
    attempt('PL', 'auto', 'match', ['name_exact', 'name_transliterated'], '2025-04-02T10:02:00+02:00'),
    attempt('DE', 'auto', 'match', ['name_exact'], '2025-03-31T23:31:00+02:00'),
    attempt('SE', 'auto', 'manual', ['name_token_order'], '2025-03-20T10:02:00+01:00'),
  ]);

  const link = (country: string, method: 'auto' | 'mitid' | 'manual', createdAt: string) => ({
    personIdentifier: `${country}/DK/${randomToken(6)}`,
    country,
    cprEnc: encrypt('0101801234'),
    cprIndex: blindIndex('0101801234'),
    method,
    createdAt: at(createdAt),
  });
  await db.insert(identityLinks).values([
    link('DE', 'auto', '2025-04-01T00:31:00+02:00'),
    link('DE', 'mitid', '2025-04-10T12:05:00+02:00'),
    link('PL', 'auto', '2025-04-02T10:02:00+02:00'),
    link('DE', 'manual', '2025-04-08T14:00:00+02:00'),
    link('DE', 'auto', '2025-03-31T23:31:00+02:00'),
  ]);

  type App = typeof applications.$inferInsert;
  const app = (reference: string, country: string, documentType: 'passport' | 'id_card', state: App['state'], submittedAt: string, extra: Partial<App> = {}): App => ({
    reference,
    country,
    documentType,
    state,
    givenNames: 'Test',
    familyName: 'Person',
    dateOfBirth: '1980-01-01',
    nationality: country,
    documentNumber: 'X1234567',
    documentExpiry: '2030-01-01',
    cprEnc: encrypt('0101801234'),
    cprIndex: blindIndex('0101801234'),
    email: `${reference.toLowerCase()}@example.com`,
    statusTokenHash: sha256(randomToken()),
    submittedAt: at(submittedAt),
    createdAt: at(submittedAt),
    ...extra,
  });
  const rows = await db
    .insert(applications)
    .values([
      // X1: Thursday → Tuesday across a weekend = 3 business days.
      app('IM-X1', 'DE', 'passport', 'approved', '2025-04-03T10:00:00+02:00', { decidedAt: at('2025-04-08T14:00:00+02:00'), decidedBy: cw1 }),
      // X2: Wednesday before Easter → Tuesday after = 1 business day (17, 18 and 21 April are holidays).
      app('IM-X2', 'SE', 'id_card', 'rejected', '2025-04-16T09:00:00+02:00', { decidedAt: at('2025-04-22T10:00:00+02:00'), decidedBy: cw2, rejectReason: 'document_expired' }),
      // X3: decided 23:30 on 31 March (previous period), X4: 00:30 on 1 April (current): both 31 March in UTC.
      app('IM-X3', 'DE', 'passport', 'approved', '2025-03-28T10:00:00+01:00', { decidedAt: at('2025-03-31T23:30:00+02:00'), decidedBy: cw1 }),
      app('IM-X4', 'PL', 'passport', 'rejected', '2025-03-28T10:00:00+01:00', { decidedAt: at('2025-04-01T00:30:00+02:00'), decidedBy: cw2, rejectReason: 'data_mismatch' }),
      app('IM-X5', 'DE', 'id_card', 'in_review', '2025-04-09T10:00:00+02:00', { assignedTo: cw1, assignedAt: at('2025-04-10T09:00:00+02:00') }),
      app('IM-X6', 'SE', 'passport', 'submitted', '2025-04-22T11:00:00+02:00'),
      app('IM-X7', 'PL', 'id_card', 'awaiting_applicant', '2025-04-16T15:00:00+02:00'),
      app('IM-X8', 'DE', 'passport', 'withdrawn', '2025-04-11T10:00:00+02:00'),
      app('IM-X9', 'SE', 'passport', 'expired', '2025-03-10T10:00:00+01:00'),
      app('IM-X10', 'DE', 'passport', 'submitted', '2025-03-05T10:00:00+01:00'),
      app('IM-X11', 'SE', 'id_card', 'rejected', '2025-03-20T10:00:00+01:00', { decidedAt: at('2025-03-25T10:00:00+01:00'), decidedBy: cw1, rejectReason: 'document_unreadable' }),
    ])
    .returning({ id: applications.id, reference: applications.reference });
  const id = (ref: string) => rows.find((r) => r.reference === ref)!.id;

  const event = (ref: string, type: string, actorId: string | null, createdAt: string, data: Record<string, unknown> = {}) => ({
    applicationId: id(ref),
    actorType: actorId ? ('staff' as const) : ('system' as const),
    actorId,
    type,
    data,
    createdAt: at(createdAt),
  });
  await db.insert(applicationEvents).values([
    event('IM-X1', 'taken', cw2, '2025-04-07T10:00:00+02:00'),
    event('IM-X1', 'released', cw2, '2025-04-07T11:00:00+02:00'),
    event('IM-X1', 'taken', cw1, '2025-04-08T12:30:00+02:00'), // handling 1.5 h
    event('IM-X1', 'approved', cw1, '2025-04-08T14:00:00+02:00'),
    event('IM-X2', 'taken', cw2, '2025-04-22T09:00:00+02:00'), // handling 1.0 h
    event('IM-X2', 'rejected', cw2, '2025-04-22T10:00:00+02:00'),
    event('IM-X3', 'taken', cw1, '2025-03-31T23:00:00+02:00'), // handling 0.5 h
    event('IM-X3', 'approved', cw1, '2025-03-31T23:30:00+02:00'),
    event('IM-X4', 'taken', cw2, '2025-04-01T00:00:00+02:00'), // handling 0.5 h
    event('IM-X4', 'rejected', cw2, '2025-04-01T00:30:00+02:00'),
    event('IM-X5', 'taken', cw1, '2025-04-10T09:00:00+02:00'),
    event('IM-X7', 'info_requested', cw2, '2025-04-22T10:30:00+02:00'),
    event('IM-X8', 'withdrawn', null, '2025-04-14T10:00:00+02:00'),
    event('IM-X9', 'info_requested', cw1, '2025-03-12T10:00:00+01:00'),
    event('IM-X9', 'expired', null, '2025-04-12T10:00:00+02:00'),
    event('IM-X11', 'rejected', cw1, '2025-03-25T10:00:00+01:00'),
  ]);
  await db.insert(infoRequests).values([
    { applicationId: id('IM-X7'), requestedBy: cw2, items: [{ type: 'photo', target: 'id_front' }, { type: 'question' }], message: 'Please', createdAt: at('2025-04-22T10:30:00+02:00') },
    { applicationId: id('IM-X9'), requestedBy: cw1, items: [{ type: 'photo', target: 'passport_photo' }], message: 'Please', createdAt: at('2025-03-12T10:00:00+01:00') },
  ]);
  return { cw1, cw2, sup, admin };
}
