// Direct access to the served app's database from an e2e test, through the app's own lib functions: the embedded
// PostgreSQL's port is in its postmaster.pid and the demo keys in DATA_DIR/keys.json, so cookies and ciphertexts match.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eidIdentities } from '../../../db/schema';

let configured = false;

/** Points this process's lib/env and lib/db at the app under test. Call before using any lib function. */
export function useAppDatabase(dataDir: string, baseURL: string): void {
  if (configured) return;
  const pid = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  process.env.DATABASE_URL = `postgres://postgres:embedded@localhost:${pid[3]!.trim()}/postgres`;
  process.env.DATA_DIR = dataDir;
  process.env.APP_MODE = 'demo';
  process.env.APP_URL = baseURL;
  process.env.LOG_LEVEL = 'silent';
  configured = true;
}

/**
 * An applicant who logged in with an eID and failed the automatic match, as the automatic journey leaves them:
 * a journey with the eID identity, what they typed (CPR, email) and the match reasons. Returns the cookie value.
 */
export async function eidJourney(person: { givenNames: string; familyName: string; dateOfBirth: string; country: string; cpr: string; email: string }): Promise<{ name: string; value: string }> {
  const { getDb } = await import('../../../lib/db');
  const { createJourney, updateJourney, signJourneyId, JOURNEY_COOKIE } = await import('../../../lib/journey');
  const { encryptJson } = await import('../../../lib/security/crypto');
  const db = getDb();
  const [identity] = await db
    .insert(eidIdentities)
    .values({ personIdentifier: `${person.country}/DK/E2E${Date.now()}${Math.random().toString(36).slice(2, 6)}`, country: person.country, givenNames: person.givenNames, familyName: person.familyName, dateOfBirth: person.dateOfBirth, levelOfAssurance: 'substantial', issuer: 'e2e' })
    .returning({ id: eidIdentities.id });
  const journey = await createJourney(db, { eidIdentityId: identity!.id, country: person.country });
  await updateJourney(db, journey.id, { typedEnc: encryptJson({ cpr: person.cpr, email: person.email }), state: { matchReasons: ['name_fuzzy_family'] } });
  return { name: JOURNEY_COOKIE, value: signJourneyId(journey.id) };
}

export async function closeAppDatabase(): Promise<void> {
  const { closeDb } = await import('../../../lib/db');
  await closeDb();
}
