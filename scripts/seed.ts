// Demo data, seeded once (demo mode only): the demo CPR register, staff, a relying party, and 60 days of history
// (eID logins, automatic and MitID links, ~300 manual applications in every state with specimen photos).
import { hash } from '@node-rs/argon2';
import { eq, inArray, sql as dsql } from 'drizzle-orm';
import sharp from 'sharp';
import * as s from '@/db/schema';
import { newReference } from '@/lib/applications/reference';
import { decideMatch, type CprRecord, type EidIdentity } from '@/lib/matching';
import { nameSearchKey } from '@/lib/matching/search-key';
import { connect, type Tx } from '@/lib/db';
import { specimenJpeg, type SpecimenKind } from '@/lib/documents/specimen';
import { env } from '@/lib/env';
import { demoRegisterRows } from '@/lib/register';
import { demoCpr } from '@/lib/register/demo-persons';
import { blindIndex, cprIndexColumns, encrypt, randomToken, sha256 } from '@/lib/security/crypto';
import { getStorage } from '@/lib/storage';
import { rejectReasons, type ApplicationState } from '@/lib/vocabulary';

export const DEMO_PASSWORD = 'demo-password';
export const demoStaff = [
  { email: 'caseworker@demo.example', name: 'Camilla Caseworker', role: 'caseworker', password: DEMO_PASSWORD },
  { email: 'caseworker2@demo.example', name: 'Kasper Caseworker', role: 'caseworker', password: DEMO_PASSWORD },
  { email: 'supervisor@demo.example', name: 'Sofie Supervisor', role: 'supervisor', password: DEMO_PASSWORD },
  { email: 'admin@demo.example', name: 'Anders Admin', role: 'admin', password: DEMO_PASSWORD },
] as const;
export const DEMO_RELYING_PARTY_KEY = 'demo-tax-portal-key';

/** Deterministic pseudo-random numbers, so every demo install looks the same. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const applicants: [string, string, string, 'male' | 'female'][] = [
  ['DE', 'Lukas', 'Schneider', 'male'], ['DE', 'Mia', 'Fischer', 'female'], ['SE', 'Elsa', 'Johansson', 'female'],
  ['SE', 'Oskar', 'Karlsson', 'male'], ['PL', 'Jakub', 'Kowalczyk', 'male'], ['PL', 'Zuzanna', 'Wójcik', 'female'],
  ['NL', 'Daan', 'Bakker', 'male'], ['NL', 'Emma', 'Visser', 'female'], ['FR', 'Léa', 'Dubois', 'female'],
  ['FR', 'Hugo', 'Moreau', 'male'], ['ES', 'Pablo', 'Martínez García', 'male'], ['ES', 'Carmen', 'Sánchez', 'female'],
  ['IT', 'Giulia', 'Esposito', 'female'], ['IT', 'Luca', 'Bianchi', 'male'], ['PT', 'Inês', 'Ferreira', 'female'],
  ['RO', 'Andrei', 'Popescu', 'male'], ['LT', 'Rūta', 'Kazlauskienė', 'female'], ['IS', 'Guðrún', 'Sigurðardóttir', 'female'],
  ['IE', 'Seán', "O'Brien", 'male'], ['GR', 'Eleni', 'Papadopoulou', 'female'], ['CZ', 'Tomáš', 'Dvořák', 'male'],
  ['HU', 'Zsófia', 'Kovács', 'female'], ['AT', 'Maximilian', 'Huber', 'male'], ['FI', 'Eero', 'Mäkinen', 'male'],
];

const DAY = 24 * 3600 * 1000;
const shiftDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

async function chunked<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function seedImages(): Promise<Record<SpecimenKind, { key: string; thumb: string; sha: string; width: number; height: number; bytes: number }>> {
  const storage = getStorage();
  const out = {} as Record<SpecimenKind, { key: string; thumb: string; sha: string; width: number; height: number; bytes: number }>;
  for (const kind of ['passport_photo', 'id_front', 'id_back'] as const) {
    const original = await specimenJpeg(kind);
    const review = await sharp(original).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
    const thumb = await sharp(original).resize({ width: 400, height: 400, fit: 'inside' }).webp({ quality: 75 }).toBuffer();
    const key = `seed/${kind}.jpg`;
    await storage.put(key, review.data, 'image/jpeg');
    await storage.put(`seed/${kind}.thumb.webp`, thumb, 'image/webp');
    out[kind] = { key, thumb: `seed/${kind}.thumb.webp`, sha: sha256(original), width: review.info.width, height: review.info.height, bytes: review.data.length };
  }
  return out;
}

type Scenario = 'name_fuzzy_family' | 'name_token_order' | 'birth_date_differs' | 'not_found' | 'first_given_name_differs';

/**
 * The register record of a manual applicant, so the case page has something to compare: the name differs the way the
 * scenario says; "not_found" applicants have none (their CPR number is not in the register). The record's date is the
 * CPR number's; for "birth_date_differs" the eID says another day.
 */
function registerRecordFor(person: (typeof applicants)[number], dob: string, cpr: string, scenario: Scenario): CprRecord | null {
  const [, given, family, sex] = person;
  if (scenario === 'not_found') return null;
  const misspell = (name: string) => (name.length > 3 ? `${name.slice(0, -2)}${name.at(-1)}${name.at(-2)}` : `${name}e`);
  const names =
    scenario === 'name_fuzzy_family' ? { givenNames: given, familyName: misspell(family) }
    : scenario === 'name_token_order' ? { givenNames: family, familyName: given }
    : scenario === 'first_given_name_differs' ? { givenNames: `${given.slice(0, 1)}${given.slice(1).split('').reverse().join('')}`, familyName: family }
    : { givenNames: given, familyName: family };
  return { cpr, ...names, dateOfBirth: dob, sex, status: 'emigrated', nameAddressProtected: false };
}

/** The demo staff accounts and the demo API key found in a database: production refuses to start while any exist. */
export async function demoLeftovers(url: string): Promise<string[]> {
  const { db, sql } = connect(url, 1);
  try {
    const staff = await db.select({ email: s.users.email }).from(s.users).where(inArray(s.users.email, demoStaff.map((u) => u.email)));
    const parties = await db.select({ name: s.relyingParties.name }).from(s.relyingParties).where(eq(s.relyingParties.apiKeyHash, sha256(DEMO_RELYING_PARTY_KEY)));
    return [...staff.map((u) => `staff account ${u.email}`), ...parties.map((p) => `relying party "${p.name}" with the demo API key`)];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Seeds the demo data unless it is there already. Returns true when it seeded. */
export async function seedDemo(url: string, opts: { now?: Date; applications?: number } = {}): Promise<boolean> {
  const { db, sql } = connect(url, 2);
  try {
    await sql`select pg_advisory_lock(727275)`;
    try {
      const [existing] = await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, demoStaff[0].email));
      if (existing) {
        // The demo relying party sends people back to this instance, whatever port it was first started on.
        await db.update(s.relyingParties).set({ allowedReturnUrls: [`${env().APP_URL}/dev/return`] }).where(eq(s.relyingParties.apiKeyHash, sha256(DEMO_RELYING_PARTY_KEY)));
        return false;
      }
      // One transaction: a start interrupted half-way leaves nothing behind, and the next start seeds again.
      await db.transaction((tx) => seedAll(tx, opts.now ?? new Date(), opts.applications ?? 300));
      await db.execute(dsql`analyze`);
      return true;
    } finally {
      await sql`select pg_advisory_unlock(727275)`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function seedAll(db: Tx, now: Date, applicationCount: number): Promise<void> {
  const rand = prng(20261125);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const images = await seedImages();
  const appUrl = env().APP_URL;

  const staffRows = await db
    .insert(s.users)
    .values(await Promise.all(demoStaff.map(async (u) => ({ email: u.email, name: u.name, role: u.role, passwordHash: await hash(u.password), emailVerified: now }))))
    .returning({ id: s.users.id, role: s.users.role });
  const caseworkers = staffRows.filter((u) => u.role === 'caseworker').map((u) => u.id);
  const deciders = [...caseworkers, staffRows.find((u) => u.role === 'supervisor')!.id];

  await db.insert(s.relyingParties).values({
    name: 'Demo Tax Portal',
    apiKeyHash: sha256(DEMO_RELYING_PARTY_KEY),
    allowedReturnUrls: [`${appUrl}/dev/return`],
    canSeeCpr: true,
    canRevoke: true,
    lookupsPerMinute: 600,
  });

  await db.insert(s.cprRegister).values(demoRegisterRows());

  // History: eID logins over 60 days, most linked automatically, some by MitID, the rest applying manually.
  const identities: (typeof s.eidIdentities.$inferInsert)[] = [];
  const attempts: (typeof s.matchAttempts.$inferInsert)[] = [];
  const links: (typeof s.identityLinks.$inferInsert)[] = [];
  const registerRows: CprRecord[] = [];
  const manual: { identityId: string; at: Date; person: (typeof applicants)[number]; claimedDob: string; cpr: string; pid: string; reasons: string[] }[] = [];
  const total = Math.round(applicationCount / 0.3);
  for (let i = 0; i < total; i++) {
    const person = pick(applicants);
    const [country, given, family, sex] = person;
    const at = new Date(now.getTime() - rand() * 60 * DAY);
    const dob = `${1950 + Math.floor(rand() * 55)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const cpr = demoCpr(dob, sex, 1000 + i);
    const id = crypto.randomUUID();
    const pid = `${country}/DK/${(5_000_000_000 + i * 104_729).toString()}`;
    identities.push({ id, personIdentifier: pid, country, givenNames: given, familyName: family, dateOfBirth: dob, levelOfAssurance: rand() < 0.9 ? 'substantial' : 'high', issuer: 'demo-eid', receivedAt: at });
    const roll = i < applicationCount ? 1 : rand() * 0.7;
    const base = { eidIdentityId: id, personIdentifier: pid, country, cprIndex: blindIndex(cpr) };
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
    if (roll < 0.55) {
      attempts.push({ ...base, method: 'auto', outcome: 'match', reasons: ['name_exact'], createdAt: later(2) });
      links.push({ personIdentifier: pid, country, eidIdentityId: id, cprEnc: encrypt(cpr), ...cprIndexColumns(cpr), method: 'auto', createdAt: later(2) });
    } else if (roll < 0.65) {
      attempts.push({ ...base, method: 'auto', outcome: 'manual', reasons: ['name_fuzzy_family'], createdAt: later(2) });
      attempts.push({ ...base, method: 'mitid', outcome: 'match', reasons: [], createdAt: later(5) });
      links.push({ personIdentifier: pid, country, eidIdentityId: id, cprEnc: encrypt(cpr), ...cprIndexColumns(cpr), method: 'mitid', createdAt: later(5) });
    } else if (roll < 0.7) {
      // Refused for its birth date: the eID gives a date one day off the CPR number's, as the reason says.
      identities.at(-1)!.dateOfBirth = shiftDay(dob);
      attempts.push({ ...base, method: 'auto', outcome: 'no_match', reasons: ['birth_date_differs'], createdAt: later(3) });
    } else {
      const scenario = pick<Scenario>(['name_fuzzy_family', 'name_token_order', 'birth_date_differs', 'not_found', 'first_given_name_differs']);
      // "The dates of birth differ" must be true on the case page: the eID (and the form, which copies it) gives a
      // date one day off the CPR number's, which is the register's.
      const claimedDob = scenario === 'birth_date_differs' ? shiftDay(dob) : dob;
      identities.at(-1)!.dateOfBirth = claimedDob;
      const record = registerRecordFor(person, dob, cpr, scenario);
      if (record) registerRows.push(record);
      // The reasons are what the matching rules say about this eID and record, so the case page never contradicts them.
      const eid: EidIdentity = { personIdentifier: pid, country, givenNames: given, familyName: family, dateOfBirth: claimedDob, levelOfAssurance: identities.at(-1)!.levelOfAssurance as EidIdentity['levelOfAssurance'] };
      const decision = record ? decideMatch(eid, record) : null;
      const reasons = decision?.reasons ?? [];
      attempts.push({ ...base, method: 'auto', outcome: decision?.decision ?? 'not_found', reasons, createdAt: later(2) });
      manual.push({ identityId: id, at: later(10), person, claimedDob, cpr, pid, reasons });
    }
  }
  await chunked(identities, 500, (part) => db.insert(s.eidIdentities).values(part));
  await chunked(attempts, 500, (part) => db.insert(s.matchAttempts).values(part));
  await chunked(links, 500, (part) => db.insert(s.identityLinks).values(part));

  const apps: (typeof s.applications.$inferInsert)[] = [];
  const docs: (typeof s.documents.$inferInsert)[] = [];
  const events: (typeof s.applicationEvents.$inferInsert)[] = [];
  const requests: (typeof s.infoRequests.$inferInsert)[] = [];
  const manualLinks: (typeof s.identityLinks.$inferInsert)[] = [];
  for (const m of manual) {
    const [country, given, family] = m.person;
    const id = crypto.randomUUID();
    const ageDays = (now.getTime() - m.at.getTime()) / DAY;
    const r = rand();
    const state: ApplicationState =
      ageDays < 4
        ? r < 0.6 ? 'submitted' : r < 0.85 ? 'in_review' : 'awaiting_applicant'
        : ageDays > 35 && r < 0.05 ? 'expired'
        : r < 0.5 ? 'approved' : r < 0.65 ? 'rejected' : r < 0.72 ? 'awaiting_applicant' : r < 0.76 ? 'withdrawn' : r < 0.9 ? 'submitted' : 'in_review';
    const documentType = rand() < 0.6 ? 'passport' : 'id_card';
    const hours = (h: number) => new Date(Math.min(m.at.getTime() + h * 3600_000, now.getTime() - 60_000));
    const assignee = pick(deciders);
    const assignedAt = hours(2 + rand() * 30);
    const decidedAt = hours(26 + rand() * 24 * Math.min(ageDays - 1, 9));
    const taken = state !== 'submitted' && state !== 'withdrawn';
    const decided = state === 'approved' || state === 'rejected';
    apps.push({
      id,
      reference: newReference(),
      state,
      version: 1 + (taken ? 1 : 0) + (decided || state === 'awaiting_applicant' || state === 'expired' ? 1 : 0),
      eidIdentityId: m.identityId,
      personIdentifier: m.pid,
      country,
      documentType,
      givenNames: given,
      familyName: family,
      searchName: nameSearchKey(given, family),
      dateOfBirth: m.claimedDob,
      nationality: country,
      documentNumber: `X${Math.floor(1_000_000 + rand() * 8_999_999)}`,
      documentExpiry: `${now.getUTCFullYear() + 1 + Math.floor(rand() * 8)}-06-30`,
      cprEnc: encrypt(m.cpr),
      ...cprIndexColumns(m.cpr),
      email: `${given.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${m.identityId.slice(0, 6)}@example.com`,
      locale: country === 'DK' || rand() < 0.2 ? 'da' : 'en',
      matchReasons: m.reasons,
      statusTokenHash: sha256(randomToken()),
      statusTokenExpiresAt: decided ? new Date(decidedAt.getTime() + 30 * DAY) : null,
      assignedTo: state === 'in_review' ? assignee : null,
      assignedAt: state === 'in_review' ? assignedAt : null,
      lastActivityAt: decided ? decidedAt : taken ? assignedAt : m.at,
      submittedAt: m.at,
      decidedAt: decided ? decidedAt : null,
      decidedBy: decided ? assignee : null,
      rejectReason: state === 'rejected' ? pick(rejectReasons) : null,
      decisionText: state === 'rejected' ? 'The photo of the document could not be read.' : null,
      createdAt: m.at,
      updatedAt: decided ? decidedAt : m.at,
    });
    const kinds: SpecimenKind[] = documentType === 'passport' ? ['passport_photo'] : ['id_front', 'id_back'];
    for (const kind of kinds) {
      const img = images[kind];
      docs.push({ applicationId: id, kind, storageKey: img.key, thumbKey: img.thumb, sha256: img.sha, width: img.width, height: img.height, bytes: img.bytes, qualityHints: [], createdAt: m.at, storedAt: m.at });
    }
    events.push({ applicationId: id, actorType: 'applicant', type: 'submitted', data: {}, createdAt: m.at });
    if (taken) events.push({ applicationId: id, actorType: 'staff', actorId: assignee, type: 'taken', data: {}, createdAt: assignedAt });
    if (state === 'awaiting_applicant' || state === 'expired') {
      events.push({ applicationId: id, actorType: 'staff', actorId: assignee, type: 'info_requested', data: { items: [{ type: 'photo', target: kinds[0] }] }, createdAt: hours(30) });
      requests.push({ applicationId: id, requestedBy: assignee, items: [{ type: 'photo', target: kinds[0]! }], message: 'Please send a sharper photo of your document, without glare.', createdAt: hours(30) });
      if (state === 'expired') events.push({ applicationId: id, actorType: 'system', type: 'expired', data: {}, createdAt: hours(30 + 24 * 30) });
    }
    if (decided) events.push({ applicationId: id, actorType: 'staff', actorId: assignee, type: state, data: state === 'rejected' ? { reason: apps.at(-1)!.rejectReason } : {}, createdAt: decidedAt });
    if (state === 'withdrawn') events.push({ applicationId: id, actorType: 'applicant', type: 'withdrawn', data: {}, createdAt: hours(20) });
    if (state === 'approved') manualLinks.push({ personIdentifier: m.pid, country, eidIdentityId: m.identityId, cprEnc: encrypt(m.cpr), ...cprIndexColumns(m.cpr), method: 'manual', applicationId: id, linkedBy: assignee, createdAt: decidedAt });
  }
  await chunked(apps, 300, (part) => db.insert(s.applications).values(part));
  const registerInserts = registerRows.map(({ cpr, ...r }) => ({ ...r, cprEnc: encrypt(cpr), ...cprIndexColumns(cpr), middleName: null, address: null }));
  await chunked(registerInserts, 500, (part) => db.insert(s.cprRegister).values(part).onConflictDoNothing());
  await chunked(docs, 500, (part) => db.insert(s.documents).values(part));
  await chunked(events, 500, (part) => db.insert(s.applicationEvents).values(part));
  await chunked(requests, 500, (part) => db.insert(s.infoRequests).values(part));
  await chunked(manualLinks, 500, (part) => db.insert(s.identityLinks).values(part));
}
