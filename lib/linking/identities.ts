// eID identities as received from the broker: every login is one eid_identities row (counted as a login in the
// statistics), tied to the journey that started it.
import { eq } from 'drizzle-orm';
import { eidIdentities } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import type { VerifiedEid } from '@/lib/identity';
import type { EidIdentity } from '@/lib/matching';

export type EidIdentityRow = typeof eidIdentities.$inferSelect;

export async function recordEidIdentity(db: DbOrTx, eid: VerifiedEid): Promise<EidIdentityRow> {
  const [row] = await db
    .insert(eidIdentities)
    .values({
      personIdentifier: eid.personIdentifier,
      country: eid.country,
      givenNames: eid.givenNames,
      familyName: eid.familyName,
      dateOfBirth: eid.dateOfBirth,
      birthName: eid.birthName ?? null,
      gender: eid.gender ?? null,
      levelOfAssurance: eid.levelOfAssurance,
      issuer: eid.issuer,
    })
    .returning();
  return row!;
}

export async function findEidIdentity(db: DbOrTx, id: string): Promise<EidIdentityRow | null> {
  const [row] = await db.select().from(eidIdentities).where(eq(eidIdentities.id, id));
  return row ?? null;
}

/** The row as the matching rules see it. */
export function toEidIdentity(row: EidIdentityRow): EidIdentity {
  return {
    personIdentifier: row.personIdentifier,
    country: row.country,
    givenNames: row.givenNames,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    ...(row.birthName ? { birthName: row.birthName } : {}),
    ...(row.gender ? { gender: row.gender } : {}),
    levelOfAssurance: row.levelOfAssurance,
  };
}
