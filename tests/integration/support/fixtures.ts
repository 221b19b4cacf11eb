// Test fixtures written straight to the database: register persons, applications with their eID identity,
// and document images in the storage, so each test starts from exactly the case it needs.
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import * as s from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { newReference } from '@/lib/applications/reference';
import { getDb } from '@/lib/db';
import { nameSearchKey } from '@/lib/matching/search-key';
import { specimenJpeg } from '@/lib/documents/specimen';
import { blindIndex, encrypt, randomToken, sha256 } from '@/lib/security/crypto';
import { getStorage } from '@/lib/storage';
import type { StaffRole } from '@/lib/vocabulary';

let serial = 0;

/** A CPR number that is unique within the test file (day 01–28, century digit 1, odd serial = male). */
export function uniqueCpr(dateOfBirth = '1985-06-15', sex: 'male' | 'female' = 'female'): string {
  serial += 1;
  const [y, m, d] = dateOfBirth.split('-');
  const body = String(100 + serial * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  return `${d}${m}${y!.slice(2)}1${body}`;
}

export async function createRegisterPerson(p: { cpr: string; givenNames: string; familyName: string; dateOfBirth: string; sex?: 'male' | 'female'; middleName?: string; nameAddressProtected?: boolean; address?: string; status?: (typeof s.cprRegister.$inferInsert)['status'] }) {
  await getDb()
    .insert(s.cprRegister)
    .values({
      cprEnc: encrypt(p.cpr),
      cprIndex: blindIndex(p.cpr),
      givenNames: p.givenNames,
      middleName: p.middleName ?? null,
      familyName: p.familyName,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex ?? 'female',
      status: p.status ?? 'active',
      nameAddressProtected: p.nameAddressProtected ?? false,
      address: p.address ?? null,
    });
}

type AppOverrides = Partial<typeof s.applications.$inferInsert> & { cpr?: string; eid?: Partial<typeof s.eidIdentities.$inferInsert> | null };

/** An application as the manual form leaves it (state submitted), with an eID identity unless eid is null. */
export async function createApplication(o: AppOverrides = {}) {
  const db = getDb();
  const cpr = o.cpr ?? uniqueCpr(o.dateOfBirth ?? '1985-06-15');
  const givenNames = o.givenNames ?? 'Anna';
  const familyName = o.familyName ?? 'Müller';
  const dateOfBirth = o.dateOfBirth ?? '1985-06-15';
  let eidIdentityId: string | null = null;
  let personIdentifier: string | null = null;
  if (o.eid !== null) {
    personIdentifier = o.eid?.personIdentifier ?? `DE/DK/${Math.floor(Math.random() * 1e12)}`;
    const [eid] = await db
      .insert(s.eidIdentities)
      .values({ personIdentifier, country: 'DE', givenNames, familyName, dateOfBirth, levelOfAssurance: 'substantial', issuer: 'test', ...o.eid })
      .returning({ id: s.eidIdentities.id });
    eidIdentityId = eid!.id;
  }
  const { cpr: _c, eid: _e, ...rest } = o;
  const [app] = await db
    .insert(s.applications)
    .values({
      reference: newReference(),
      eidIdentityId,
      personIdentifier,
      country: 'DE',
      documentType: 'passport',
      givenNames,
      familyName,
      searchName: nameSearchKey(o.givenNames ?? givenNames, o.familyName ?? familyName),
      dateOfBirth,
      nationality: 'DE',
      documentNumber: 'C01X00T47',
      documentExpiry: '2031-01-01',
      cprEnc: encrypt(cpr),
      cprIndex: blindIndex(cpr),
      email: `applicant.${randomToken(4)}@example.com`,
      locale: 'en',
      matchReasons: ['name_fuzzy_family'],
      statusTokenHash: sha256(randomToken()),
      ...rest,
    })
    .returning();
  await db.insert(s.applicationEvents).values({ applicationId: app!.id, actorType: 'applicant', type: 'submitted' });
  return { ...app!, cpr };
}

/** Stores a specimen image (review JPEG and WebP thumbnail) and attaches it to the application. */
export async function addDocument(applicationId: string, kind: 'passport_photo' | 'id_front' | 'id_back' = 'passport_photo', round = 1) {
  const storage = getStorage();
  const original = await specimenJpeg(kind, { given: 'Anna', family: 'Muller' }, 900);
  const thumb = await sharp(original).resize({ width: 400 }).webp().toBuffer();
  const key = `test/${randomToken(8)}`;
  await storage.put(`${key}.jpg`, original, 'image/jpeg');
  await storage.put(`${key}.webp`, thumb, 'image/webp');
  const [doc] = await getDb()
    .insert(s.documents)
    .values({ applicationId, kind, round, storageKey: `${key}.jpg`, thumbKey: `${key}.webp`, sha256: sha256(original), width: 900, height: 630, bytes: original.length })
    .returning({ id: s.documents.id });
  return doc!.id;
}

export function staffOf(u: { id: string; email: string; name: string | null; role: StaffRole | null }): Staff {
  return { id: u.id, email: u.email, name: u.name, role: u.role, sessionId: 'test' };
}

export async function stateOf(applicationId: string) {
  const rows = await getDb().execute<{ state: string; version: number; assigned_to: string | null }>(
    sql`select state, version, assigned_to from applications where id = ${applicationId}`,
  );
  return rows[0]!;
}
