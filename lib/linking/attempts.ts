// Every automatic and MitID attempt, whatever its outcome, is one match_attempts row (the statistics count them).
import { matchAttempts } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import type { EidIdentityRow } from './identities';

export type AttemptOutcome = (typeof matchAttempts.$inferSelect)['outcome'];

export async function recordAttempt(
  db: DbOrTx,
  a: { identity: Pick<EidIdentityRow, 'id' | 'personIdentifier' | 'country'>; method: 'auto' | 'mitid'; outcome: AttemptOutcome; reasons: string[]; cprIndex?: string | null },
): Promise<void> {
  await db.insert(matchAttempts).values({
    eidIdentityId: a.identity.id,
    personIdentifier: a.identity.personIdentifier,
    country: a.identity.country,
    method: a.method,
    outcome: a.outcome,
    reasons: a.reasons,
    cprIndex: a.cprIndex ?? null,
  });
}
