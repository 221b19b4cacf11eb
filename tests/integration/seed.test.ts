import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, eidIdentities } from '@/db/schema';
import { compareCase } from '@/lib/cases/comparison';
import { decideMatch } from '@/lib/matching';
import { getDb } from '@/lib/db';
import { decrypt } from '@/lib/security/crypto';
import { tableRegister } from '@/lib/register';
import { demoPersons } from '@/lib/register/demo-persons';
import { seedDemo } from '@/scripts/seed';
import { getStorage } from '@/lib/storage';

const count = async (table: string) => Number((await getDb().execute<{ n: string }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

describe('demo data', () => {
  it('seeds once: a second start changes nothing', async () => {
    expect(await seedDemo(process.env.DATABASE_URL!, { applications: 60 })).toBe(true);
    const before = await Promise.all(['users', 'cpr_register', 'applications', 'documents', 'identity_links', 'match_attempts', 'relying_parties'].map(count));
    expect(await seedDemo(process.env.DATABASE_URL!, { applications: 60 })).toBe(false);
    const after = await Promise.all(['users', 'cpr_register', 'applications', 'documents', 'identity_links', 'match_attempts', 'relying_parties'].map(count));
    expect(after).toEqual(before);
    expect(before[0]).toBe(4);
    expect(before[1]).toBeGreaterThanOrEqual(demoPersons.filter((p) => p.register).length);
    expect(before[2]).toBe(60);
  });

  it('spreads applications over every state and the last 60 days', async () => {
    const states = await getDb().execute<{ state: string }>(sql`select distinct state from applications order by state`);
    expect(states.map((r) => r.state)).toEqual(expect.arrayContaining(['approved', 'awaiting_applicant', 'in_review', 'rejected', 'submitted']));
    const [span] = await getDb().execute<{ days: number }>(sql`select extract(day from now() - min(submitted_at))::int as days from applications`);
    expect(span!.days).toBeGreaterThan(30);
    expect(span!.days).toBeLessThanOrEqual(60);
  });

  it('stores no CPR number in the clear, and the register finds a person by CPR', async () => {
    const person = demoPersons.find((p) => p.register)!;
    const [app] = await getDb().select({ cprEnc: applications.cprEnc }).from(applications).limit(1);
    for (const cpr of [person.register!.cpr, decrypt(app!.cprEnc)]) {
      for (const table of ['cpr_register', 'applications', 'identity_links', 'match_attempts', 'eid_identities', 'application_events', 'email_outbox']) {
        const rows = await getDb().execute<{ n: string }>(sql.raw(`select count(*) as n from ${table} t where t::text like '%${cpr}%'`));
        expect(Number(rows[0]!.n), `${table} holds a CPR in the clear`).toBe(0);
      }
    }
    const record = await tableRegister(getDb()).lookup(person.register!.cpr);
    expect(record).toMatchObject({ givenNames: person.register!.givenNames, familyName: person.register!.familyName, status: person.register!.status });
    expect(await tableRegister(getDb()).lookup('0101010000')).toBeNull();
  });

  it('tells the truth on every seeded case: the stated reason is what the matching rules find, and the dates differ only where it says so', async () => {
    const rows = await getDb()
      .select({ reference: applications.reference, cprEnc: applications.cprEnc, reasons: applications.matchReasons, dob: applications.dateOfBirth, given: applications.givenNames, family: applications.familyName, eid: eidIdentities })
      .from(applications)
      .innerJoin(eidIdentities, eq(eidIdentities.id, applications.eidIdentityId));
    expect(rows.length).toBe(60);
    const seen = new Set<string>();
    for (const r of rows) {
      const record = await tableRegister(getDb()).lookup(decrypt(r.cprEnc));
      const reason = r.reasons[0] ?? 'not_found';
      seen.add(reason);
      if (reason === 'not_found') {
        expect(record, r.reference).toBeNull();
        continue;
      }
      expect(record, r.reference).not.toBeNull();
      const decision = decideMatch({ ...r.eid, birthName: r.eid.birthName ?? undefined, gender: r.eid.gender ?? undefined }, record!);
      expect(decision.reasons, r.reference).toContain(reason);
      expect(decision.decision, r.reference).not.toBe('match');
      const dates = compareCase({ applicant: { givenNames: r.given, familyName: r.family, dateOfBirth: r.dob }, register: record, eid: r.eid }).find((c) => c.field === 'dateOfBirth')!;
      const expected = r.reasons.includes('birth_date_differs') ? 'differ' : 'agree';
      expect([dates.applicant!.mark, dates.eid!.mark], r.reference).toEqual([expected, expected]);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['birth_date_differs', 'not_found', 'name_token_order']));
  });

  it('stores the specimen photos the seeded applications point to', async () => {
    const [doc] = await getDb().execute<{ storage_key: string; thumb_key: string }>(sql`select storage_key, thumb_key from documents limit 1`);
    const image = await getStorage().get(doc!.storage_key);
    expect(image.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await getStorage().get(doc!.thumb_key)).subarray(8, 12).toString()).toBe('WEBP');
  });
});
