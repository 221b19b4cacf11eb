// Fixtures for the manual application's integration tests: an applicant who logged in with an eID (journey +
// eid_identities row, as the automatic journey leaves them), requests with their cookies, and complete form values.
import { NextRequest } from 'next/server';
import { eidIdentities } from '@/db/schema';
import { getDb } from '@/lib/db';
import { createJourney, JOURNEY_COOKIE, signJourneyId, updateJourney } from '@/lib/journey';
import { encryptJson } from '@/lib/security/crypto';
import { documentPhoto } from '../../support/test-images';

export const BASE = 'http://localhost:3000';
export const APPLICANT_CPR = '150385-1234';

let counter = 0;

export async function applicantJourney(opts: { eid?: boolean } = {}) {
  const db = getDb();
  counter++;
  let eidIdentityId: string | undefined;
  if (opts.eid !== false) {
    const [identity] = await db
      .insert(eidIdentities)
      .values({ personIdentifier: `DE/DK/TEST${counter}${Date.now()}`, country: 'DE', givenNames: 'Erika', familyName: 'Mustermann', dateOfBirth: '1985-03-15', levelOfAssurance: 'substantial', issuer: 'test-eid' })
      .returning({ id: eidIdentities.id });
    eidIdentityId = identity!.id;
  }
  const journey = await createJourney(db, { eidIdentityId, country: 'DE' });
  await updateJourney(db, journey.id, { typedEnc: encryptJson({ cpr: APPLICANT_CPR, email: 'erika@example.com' }), state: { matchReasons: ['name_fuzzy_family'] } });
  return { journeyId: journey.id, eidIdentityId, cookie: `${JOURNEY_COOKIE}=${signJourneyId(journey.id)}` };
}

export function jsonRequest(path: string, body: unknown, opts: { cookie?: string; method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${BASE}${path}`, {
    method: opts.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    body: JSON.stringify(body),
  });
}

export function uploadRequest(path: string, file: { bytes: Buffer; name?: string; type?: string } | null, opts: { cookie?: string; kind?: string } = {}) {
  const form = new FormData();
  if (opts.kind !== '') form.append('kind', opts.kind ?? 'passport_photo');
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }), file.name ?? 'photo.jpg');
  return new NextRequest(`${BASE}${path}`, { method: 'POST', headers: opts.cookie ? { cookie: opts.cookie } : {}, body: form });
}

export function getRequest(path: string, cookie?: string) {
  return new NextRequest(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
}

export const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

/** Uploads a specimen photo through the route and returns its id. */
export async function uploadPhoto(cookie: string, kind = 'passport_photo', bytes?: Buffer): Promise<string> {
  const { POST } = await import('@/app/api/v1/uploads/route');
  const res = await POST(uploadRequest('/api/v1/uploads', { bytes: bytes ?? (await documentPhoto(kind as 'passport_photo')) }, { cookie, kind }), undefined as never);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

const nextYear = new Date().getUTCFullYear() + 3;

/** Complete, valid form values for a passport application with the given photo. */
export function validValues(photos: Record<string, string>, overrides: Record<string, unknown> = {}) {
  return {
    country: 'DE',
    documentType: 'passport',
    givenNames: 'Erika',
    familyName: 'Mustermann',
    dateOfBirth: { day: '15', month: '3', year: '1985' },
    nationality: 'DE',
    documentNumber: 'c01x00t47',
    documentExpiry: { day: '30', month: '6', year: String(nextYear) },
    cpr: APPLICANT_CPR,
    email: 'erika@example.com',
    emailConfirm: 'Erika@example.com',
    phone: '',
    photos,
    consent: true,
    ...overrides,
  };
}
