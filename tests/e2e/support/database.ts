// Direct access to the e2e app's database: fixtures a test needs (a waiting case whose CPR number is in the
// register) and checks of what was recorded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { newReference } from '../../../lib/applications/reference';
import { nameSearchKey } from '../../../lib/matching/search-key';
import { blindIndex, encrypt, randomToken, sha256 } from '../../../lib/security/crypto';

export type Sql = postgres.Sql;

export function connectAppDb(): Sql {
  return postgres(inject('databaseUrl'), { max: 2, onnotice: () => {} });
}

function keys(): { DATA_KEY: string; INDEX_KEY: string } {
  return JSON.parse(readFileSync(path.join(inject('dataDir'), 'keys.json'), 'utf8'));
}

/** A CPR number for a birth date (century digit 1 → 19xx), different on every call. */
function cprFor(dateOfBirth: string): string {
  const [y, m, d] = dateOfBirth.split('-') as [string, string, string];
  return `${d}${m}${y.slice(2)}1${String(100 + Math.floor(Math.random() * 899)).padStart(3, '0')}`;
}

/**
 * A waiting application (with its eID identity and a passport photo) whose CPR number is in the register (unless
 * `inRegister` is false), submitted `daysAgo` days ago so that it is the oldest in the queue. A given `cpr` makes a second
 * claimant of a CPR number already used (pass `inRegister: false` then: the register holds each number once).
 */
export async function insertWaitingCase(
  sql: Sql,
  p: { givenNames: string; familyName: string; registerGivenNames: string; registerFamilyName: string; dateOfBirth: string; country: string; email: string; daysAgo: number; inRegister?: boolean; cpr?: string },
) {
  const { DATA_KEY, INDEX_KEY } = keys();
  const cpr = p.cpr ?? cprFor(p.dateOfBirth);
  const cprIndex = blindIndex(cpr, INDEX_KEY);
  const personIdentifier = `${p.country}/DK/${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const submittedAt = new Date(Date.now() - p.daysAgo * 86_400_000);
  return sql.begin(async (tx) => {
    if (p.inRegister !== false)
      await tx`insert into cpr_register (cpr_enc, cpr_index, given_names, family_name, date_of_birth, sex, status)
             values (${encrypt(cpr, DATA_KEY)}, ${cprIndex}, ${p.registerGivenNames}, ${p.registerFamilyName}, ${p.dateOfBirth}, 'female', 'emigrated')`;
    const [eid] = await tx<{ id: string }[]>`insert into eid_identities (person_identifier, country, given_names, family_name, date_of_birth, level_of_assurance, issuer)
             values (${personIdentifier}, ${p.country}, ${p.givenNames}, ${p.familyName}, ${p.dateOfBirth}, 'substantial', 'e2e') returning id`;
    const reference = newReference();
    const [app] = await tx<{ id: string }[]>`insert into applications (reference, state, version, eid_identity_id, person_identifier, country, document_type,
             given_names, family_name, search_name, date_of_birth, nationality, document_number, document_expiry, cpr_enc, cpr_index, email, locale,
             match_reasons, status_token_hash, submitted_at, created_at, last_activity_at)
             values (${reference}, 'submitted', 1, ${eid!.id}, ${personIdentifier}, ${p.country}, 'passport', ${p.givenNames}, ${p.familyName}, ${nameSearchKey(p.givenNames, p.familyName)},
             ${p.dateOfBirth}, ${p.country}, 'C01X00T47', '2031-01-01', ${encrypt(cpr, DATA_KEY)}, ${cprIndex}, ${p.email}, 'en',
             ${sql.json(['name_fuzzy_family'])}, ${sha256(randomToken())}, ${submittedAt}, ${submittedAt}, ${submittedAt}) returning id`;
    // The seed stored the specimen images under these keys in the app's data folder.
    await tx`insert into documents (application_id, kind, round, storage_key, thumb_key, sha256, width, height, bytes)
             values (${app!.id}, 'passport_photo', 1, 'seed/passport_photo.jpg', 'seed/passport_photo.thumb.webp', ${sha256(reference)}, 1800, 1260, 100000)`;
    await tx`insert into application_events (application_id, actor_type, type) values (${app!.id}, 'applicant', 'submitted')`;
    return { id: app!.id, reference, personIdentifier, cpr };
  });
}

