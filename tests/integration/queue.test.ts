import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/scripts/migrate';
import { applications } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { countByState, listQueue } from '@/lib/cases/queue';
import { parseQueueFilters, queueQuery } from '@/lib/cases/queue-filters';
import { getDb } from '@/lib/db';
import { createApplication, staffOf } from './support/fixtures';
import { createStaff } from './support/staff';

let me: Staff;
let colleague: Staff;
// Wednesday 18 March 2026, 10:00 in Copenhagen.
const now = new Date('2026-03-18T09:00:00Z');
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  me = staffOf(await createStaff('me@example.dk', 'caseworker', 'Me'));
  colleague = staffOf(await createStaff('colleague@example.dk', 'caseworker', 'Colleague'));
  await createApplication({ reference: 'IM-AAAA-2222', givenNames: 'Lukas', familyName: 'Schneider', country: 'DE', submittedAt: at('2026-03-02T10:00:00Z'), lastActivityAt: at('2026-03-17T10:00:00Z') });
  await createApplication({ reference: 'IM-BBBB-3333', givenNames: 'Elsa', familyName: 'Johansson', country: 'SE', documentType: 'id_card', submittedAt: at('2026-03-10T10:00:00Z'), lastActivityAt: at('2026-03-10T10:00:00Z') });
  await createApplication({ reference: 'IM-CCCC-4444', givenNames: 'Mia', familyName: 'Schmidt', country: 'DE', state: 'in_review', assignedTo: me.id, submittedAt: at('2026-03-16T10:00:00Z'), lastActivityAt: at('2026-03-18T08:00:00Z') });
  await createApplication({ reference: 'IM-DDDD-5555', givenNames: 'Oskar', familyName: 'Karlsson', country: 'SE', state: 'in_review', assignedTo: colleague.id, submittedAt: at('2026-03-11T10:00:00Z'), lastActivityAt: at('2026-03-12T10:00:00Z') });
  await createApplication({ reference: 'IM-EEEE-6666', givenNames: 'Léa', familyName: 'Dubois', country: 'FR', state: 'awaiting_applicant', submittedAt: at('2026-02-20T10:00:00Z'), lastActivityAt: at('2026-02-25T10:00:00Z') });
  await createApplication({ reference: 'IM-FFFF-7777', givenNames: 'Hugo', familyName: 'Moreau', country: 'FR', state: 'approved', submittedAt: at('2026-01-05T10:00:00Z') });
});

const refs = async (params: Record<string, string>) =>
  (await listQueue(getDb(), parseQueueFilters(params), { staffId: me.id, now, targetDays: 5 })).rows.map((r) => r.reference);

describe('the queue', () => {
  it('shows the open applications, oldest first, by default', async () => {
    expect(await refs({})).toEqual(['IM-EEEE-6666', 'IM-AAAA-2222', 'IM-BBBB-3333', 'IM-DDDD-5555', 'IM-CCCC-4444']);
  });

  it('sorts newest first and by latest activity', async () => {
    expect(await refs({ sort: 'newest' })).toEqual(['IM-CCCC-4444', 'IM-DDDD-5555', 'IM-BBBB-3333', 'IM-AAAA-2222', 'IM-EEEE-6666']);
    expect(await refs({ sort: 'activity' })).toEqual(['IM-CCCC-4444', 'IM-AAAA-2222', 'IM-DDDD-5555', 'IM-BBBB-3333', 'IM-EEEE-6666']);
  });

  it('filters by state, country, document type and assignment', async () => {
    expect(await refs({ state: 'submitted' })).toEqual(['IM-AAAA-2222', 'IM-BBBB-3333']);
    expect(await refs({ state: 'all', country: 'FR' })).toEqual(['IM-FFFF-7777', 'IM-EEEE-6666']);
    expect(await refs({ documentType: 'id_card' })).toEqual(['IM-BBBB-3333']);
    expect(await refs({ assigned: 'me' })).toEqual(['IM-CCCC-4444']);
    expect(await refs({ assigned: 'anyone' })).toEqual(['IM-DDDD-5555', 'IM-CCCC-4444']);
    expect(await refs({ assigned: 'nobody', state: 'submitted' })).toEqual(['IM-AAAA-2222', 'IM-BBBB-3333']);
  });

  it('filters by age in business days and marks rows past the service target', async () => {
    // Wednesday 18 March: 2 March is 12 business days ago, 10 March 6, 11 March 5, 16 March 2.
    expect(await refs({ olderThan: '5' })).toEqual(['IM-EEEE-6666', 'IM-AAAA-2222', 'IM-BBBB-3333']);
    const { rows } = await listQueue(getDb(), parseQueueFilters({}), { staffId: me.id, now, targetDays: 5 });
    const ages = Object.fromEntries(rows.map((r) => [r.reference, [r.age.days, r.age.overTarget]]));
    expect(ages).toMatchObject({ 'IM-AAAA-2222': [12, true], 'IM-BBBB-3333': [6, true], 'IM-DDDD-5555': [5, false], 'IM-CCCC-4444': [2, false] });
  });

  it('searches by the start of a name, any case, and by reference with or without dashes', async () => {
    expect(await refs({ q: 'sch' })).toEqual(['IM-AAAA-2222', 'IM-CCCC-4444']);
    expect(await refs({ q: 'ELSA joh' })).toEqual(['IM-BBBB-3333']);
    expect(await refs({ q: 'im-bbbb-3333' })).toEqual(['IM-BBBB-3333']);
    expect(await refs({ q: 'BBBB3333' })).toEqual(['IM-BBBB-3333']);
    expect(await refs({ q: '%' })).toEqual([]);
  });

  it('names the assignee of each row', async () => {
    const { rows } = await listQueue(getDb(), parseQueueFilters({ assigned: 'anyone' }), { staffId: me.id, now, targetDays: 5 });
    expect(rows.map((r) => r.assigneeName)).toEqual(['Colleague', 'Me']);
  });

  it('pages with a keyset cursor without repeating or skipping rows that share a millisecond', async () => {
    // Twelve applications submitted within the same millisecond (microseconds apart), all in Iceland.
    for (let i = 0; i < 12; i++) {
      const app = await createApplication({ country: 'IS', submittedAt: at('2026-03-03T10:00:00.123Z') });
      await getDb().execute(sql`update ${applications} set submitted_at = '2026-03-03T10:00:00.123Z'::timestamptz + make_interval(secs => ${(11 - i) / 1e6}) where id = ${app.id}`);
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listQueue(getDb(), { ...parseQueueFilters({ country: 'IS' }), after }, { staffId: me.id, now, targetDays: 5, pageSize: 5 });
      seen.push(...result.rows.map((r) => r.id));
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const ordered = await getDb().execute<{ id: string }>(sql`select id from applications where country = 'IS' order by submitted_at, id`);
    expect(seen).toEqual(ordered.map((r) => r.id));
  });

  it('counts the applications in every state', async () => {
    const counts = await countByState(getDb(), Date.now() + 3600_000);
    expect(counts).toMatchObject({ submitted: 14, in_review: 2, awaiting_applicant: 1, approved: 1, rejected: 0, expired: 0, withdrawn: 0 });
  });
});

describe('queue filters in the URL', () => {
  it('read a bookmarked view and write the same view back', () => {
    const filters = parseQueueFilters({ state: 'submitted', country: 'DE', assigned: 'nobody', olderThan: '5', q: 'Schn', sort: 'newest' });
    expect(queueQuery(filters)).toBe('?state=submitted&country=DE&assigned=nobody&olderThan=5&q=Schn&sort=newest');
    expect(parseQueueFilters(Object.fromEntries(new URLSearchParams(queueQuery(filters))))).toEqual(filters);
  });

  it('fall back to the default view for values that make no sense, instead of failing', () => {
    expect(parseQueueFilters({ state: 'nonsense', country: 'Germany', olderThan: '-3', sort: 'random', after: '<script>' })).toEqual({ state: 'open', sort: 'oldest' });
    expect(queueQuery(parseQueueFilters({ state: '', q: '' }))).toBe('');
  });
});

// Written after the other tests, which count and page through the rows above.
describe('the name search', () => {
  it('finds names whatever the accents, as the matching rules spell them (diacritics and ICAO transliteration)', async () => {
    const withdrawn = async (q: string) => refs({ state: 'withdrawn', q });
    for (const [reference, givenNames, familyName, country] of [
      ['IM-GGGG-8888', 'Jan', 'Dvořák', 'CZ'],
      ['IM-HHHH-9999', 'Tomáš', 'Novák', 'CZ'],
      ['IM-JJJJ-2222', 'Guðrún', 'Sigurðardóttir', 'IS'],
      ['IM-KKKK-3333', 'Anna', 'Müller', 'DE'],
      ['IM-MMMM-4444', 'Seán', "O'Brien", 'IE'],
    ] as const) {
      await createApplication({ reference, givenNames, familyName, country, state: 'withdrawn', submittedAt: at('2026-03-01T10:00:00Z') });
    }
    expect(await withdrawn('dvorak')).toEqual(['IM-GGGG-8888']);
    expect(await withdrawn('Tomas')).toEqual(['IM-HHHH-9999']);
    expect(await withdrawn('Sigurdardottir')).toEqual(['IM-JJJJ-2222']);
    expect(await withdrawn('gudrun sigurd')).toEqual(['IM-JJJJ-2222']);
    expect(await withdrawn('mueller')).toEqual(['IM-KKKK-3333']);
    expect(await withdrawn('Muller')).toEqual(['IM-KKKK-3333']);
    expect(await withdrawn('MÜLL')).toEqual(['IM-KKKK-3333']);
    expect(await withdrawn('obrien')).toEqual(['IM-MMMM-4444']);
    expect(await withdrawn("o'brien")).toEqual(['IM-MMMM-4444']);
    expect(await withdrawn('brien')).toEqual(['IM-MMMM-4444']);
    // Word starts only: the middle of a name is not a hit.
    expect(await withdrawn('vorak')).toEqual([]);
    expect(await refs({ q: 'lea' })).toEqual(['IM-EEEE-6666']);
    expect(await refs({ q: "'-" })).toEqual([]);
  });

  it('gives applications stored before the name search their search name at the next migration', async () => {
    const old = await createApplication({ reference: 'IM-NNNN-5555', givenNames: 'Zoë', familyName: 'Ångström', country: 'SE', state: 'withdrawn' });
    await getDb().update(applications).set({ searchName: null }).where(eq(applications.id, old.id));
    expect(await refs({ state: 'withdrawn', q: 'angstrom' })).toEqual([]);
    await runMigrations(process.env.DATABASE_URL!);
    expect(await refs({ state: 'withdrawn', q: 'angstrom' })).toEqual(['IM-NNNN-5555']);
    expect(await refs({ state: 'withdrawn', q: 'aangstroem' })).toEqual(['IM-NNNN-5555']);
    expect(await refs({ state: 'withdrawn', q: 'zoe' })).toEqual(['IM-NNNN-5555']);
  });
});
