// Direct access to the served app's database from an e2e test, through the app's own lib functions: the embedded
// PostgreSQL's port is in its postmaster.pid and the demo keys in DATA_DIR/keys.json, so cookies and ciphertexts match.
import { embeddedPort } from '../../../lib/db/demo-database';
import { eidIdentities } from '../../../db/schema';

let configured = false;

/** Points this process's lib/env and lib/db at the app under test. Call before using any lib function. */
export function useAppDatabase(dataDir: string, baseURL: string): void {
  if (configured) return;
  process.env.DATABASE_URL = `postgres://postgres:embedded@localhost:${embeddedPort(dataDir)}/postgres`;
  process.env.DATA_DIR = dataDir;
  process.env.APP_URL = baseURL;
  process.env.LOG_LEVEL = 'silent';
  configured = true;
}

/**
 * An applicant who logged in with an eID and failed the automatic match, as the automatic journey leaves them:
 * a journey with the eID identity, what they typed (CPR, email) and the match reasons. Returns the cookie value.
 */
export async function eidJourney(
  person: { givenNames: string; familyName: string; dateOfBirth: string; country: string; cpr: string; email: string; personIdentifier?: string },
  /** More of the journey's state, e.g. `{ autoOutcome: 'not_matched' }` for a journey past its automatic attempt. */
  state: Record<string, unknown> = {},
): Promise<{ name: string; value: string }> {
  const { getDb } = await import('../../../lib/db');
  const { createJourney, updateJourney, signJourneyId, JOURNEY_COOKIE } = await import('../../../lib/journey');
  const { encryptJson } = await import('../../../lib/security/crypto');
  const db = getDb();
  const [identity] = await db
    .insert(eidIdentities)
    .values({ personIdentifier: person.personIdentifier ?? `${person.country}/DK/E2E${Date.now()}${Math.random().toString(36).slice(2, 6)}`, country: person.country, givenNames: person.givenNames, familyName: person.familyName, dateOfBirth: person.dateOfBirth, levelOfAssurance: 'substantial', issuer: 'e2e' })
    .returning({ id: eidIdentities.id });
  const journey = await createJourney(db, { eidIdentityId: identity!.id, country: person.country });
  await updateJourney(db, journey.id, { typedEnc: encryptJson({ cpr: person.cpr, email: person.email }), state: { matchReasons: ['name_fuzzy_family'], ...state } });
  return { name: JOURNEY_COOKIE, value: signJourneyId(journey.id) };
}

export async function closeAppDatabase(): Promise<void> {
  const { closeDb } = await import('../../../lib/db');
  await closeDb();
}

/** Submits an application over HTTP as the form does (upload, then submit) and returns its reference and status link. */
export async function submittedOverHttp(baseURL: string, cookie: { name: string; value: string }, photo: Buffer, email = 'erika.status@example.com'): Promise<{ reference: string; link: string; applicationId: string }> {
  const headers = { cookie: `${cookie.name}=${cookie.value}` };
  const form = new FormData();
  form.append('kind', 'passport_photo');
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'passport.jpg');
  const upload = await fetch(`${baseURL}/api/v1/uploads`, { method: 'POST', headers, body: form });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status}`);
  const { id } = (await upload.json()) as { id: string };
  const values = {
    country: 'DE', documentType: 'passport', givenNames: 'Erika', familyName: 'Mustermann', dateOfBirth: { day: '15', month: '3', year: '1985' },
    nationality: 'DE', documentNumber: 'C01X00T47', documentExpiry: { day: '30', month: '6', year: String(new Date().getUTCFullYear() + 4) },
    cpr: '150385-1234', email, emailConfirm: email, phone: '', photos: { passport_photo: id }, consent: true,
  };
  const res = await fetch(`${baseURL}/api/v1/applications`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), values }) });
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
  const { reference } = (await res.json()) as { reference: string };
  const { applications } = await import('../../../db/schema');
  const { eq } = await import('drizzle-orm');
  const { getDb } = await import('../../../lib/db');
  const [app] = await getDb().select({ id: applications.id }).from(applications).where(eq(applications.reference, reference));
  return { reference, link: await latestStatusLink(reference), applicationId: app!.id };
}

/** The status link in the newest email about a reference, as the applicant would click it. */
export async function latestStatusLink(reference: string): Promise<string> {
  const { emailOutbox } = await import('../../../db/schema');
  const { desc } = await import('drizzle-orm');
  const { getDb } = await import('../../../lib/db');
  const { decryptJson } = await import('../../../lib/security/crypto');
  const rows = await getDb().select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(200);
  for (const row of rows) {
    const data = decryptJson<Record<string, string>>(row.dataEnc);
    if (data.reference === reference && data.statusUrl) return data.statusUrl;
  }
  throw new Error(`no status link for ${reference}`);
}

/** A caseworker (from the demo staff) takes the case and asks for more information, through the service functions. */
export async function caseworkerAsks(applicationId: string, items: unknown, message: string): Promise<void> {
  const { users } = await import('../../../db/schema');
  const { eq } = await import('drizzle-orm');
  const { getDb } = await import('../../../lib/db');
  const { applyTransition } = await import('../../../lib/applications/transition');
  const { requestMoreInformation } = await import('../../../lib/applications/request-info');
  const db = getDb();
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'caseworker@demo.example'));
  const taken = await db.transaction((tx) => applyTransition(tx, { applicationId, transition: 'take', actor: { type: 'staff', id: staff!.id }, set: { assignedTo: staff!.id, assignedAt: new Date() } }));
  await requestMoreInformation(db, { applicationId, staff: { id: staff!.id, email: 'caseworker@demo.example', name: null, role: 'caseworker', sessionId: 'test' }, expectedVersion: taken.version, items: items as never, message });
}

export async function applicationOf(reference: string) {
  const { applications } = await import('../../../db/schema');
  const { eq } = await import('drizzle-orm');
  const { getDb } = await import('../../../lib/db');
  const [row] = await getDb()
    .select({ personIdentifier: applications.personIdentifier, country: applications.country, state: applications.state, matchReasons: applications.matchReasons })
    .from(applications)
    .where(eq(applications.reference, reference));
  return row!;
}
