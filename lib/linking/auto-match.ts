// The automatic match: the typed CPR number is looked up in the register and decideMatch compares it with the eID.
// Only a `match` links (a look-alike in the register makes it `manual`). Every other outcome gets the same answer, at the same pace, whether or not the CPR exists.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import type { Journey } from '@/lib/journey';
import { getRegister, type CprRegister } from '@/lib/register';
import { blindIndex, encryptJson } from '@/lib/security/crypto';
import { recordAttempt } from './attempts';
import { destinationAfterLink } from './eid-login';
import { findEidIdentity, toEidIdentity, type EidIdentityRow } from './identities';
import { journeyState, mergeJourneyState } from './journey-state';
import { returnAttempt, takeAttempt } from './limits';
import { createLink, findActiveLink } from './links';
import { decideAgainstRegister } from './register-decision';
import type { CprAndEmail } from './schemas';

/**
 * Every answer takes at least this long, so the response time does not tell whether the CPR number exists in the
 * register (a register look-up that finds nothing is faster than one that goes on to compare names).
 */
export const MIN_ANSWER_MS = 300;

export type AutoMatchResult = { result: 'linked'; redirectTo: string } | { result: 'not_matched' } | { result: 'limited' };

/** The journey's eID identity; UNAUTHENTICATED when the journey has none (no eID login yet). */
export async function journeyIdentity(db: Db, journey: Journey | null): Promise<EidIdentityRow> {
  const identity = journey?.eidIdentityId ? await findEidIdentity(db, journey.eidIdentityId) : null;
  if (!identity) throw new AppError('UNAUTHENTICATED');
  return identity;
}

export async function submitAutoMatch(
  db: Db,
  journey: Journey | null,
  input: CprAndEmail,
  context: { ip: string; locale: Locale; register?: CprRegister },
): Promise<AutoMatchResult> {
  const identity = await journeyIdentity(db, journey);
  const started = performance.now();
  try {
    return await decide(db, journey!, identity, input, context);
  } finally {
    const left = MIN_ANSWER_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

async function decide(db: Db, journey: Journey, identity: EidIdentityRow, input: CprAndEmail, context: { ip: string; locale: Locale; register?: CprRegister }): Promise<AutoMatchResult> {
  // A reload or second tab after linking: no new attempt, no second link, just onwards.
  if (await findActiveLink(db, identity.personIdentifier)) return { result: 'linked', redirectTo: destinationAfterLink(journey) };

  const typedEnc = encryptJson({ cpr: input.cpr, email: input.email });
  const cprIndex = blindIndex(input.cpr);
  if (!(await takeAttempt(db, 'auto', identity.personIdentifier, context.ip))) {
    await recordAttempt(db, { identity, method: 'auto', outcome: 'rate_limited', reasons: [], cprIndex });
    await mergeJourneyState(db, journey.id, { autoOutcome: 'limited', matchReasons: journeyState(journey).matchReasons ?? [] }, { typedEnc });
    return { result: 'limited' };
  }

  const { found, decision } = await decideAgainstRegister(context.register ?? getRegister(db), toEidIdentity(identity), input.cpr).catch(async (e: unknown) => {
    // The register could not answer: the applicant did not get an attempt, so it is not counted.
    if (e instanceof AppError && e.code === 'UNAVAILABLE') await returnAttempt(db, 'auto', identity.personIdentifier, context.ip);
    throw e;
  });

  if (decision.decision === 'match') {
    await createLink(db, { identity, cpr: input.cpr, method: 'auto', reasons: decision.reasons, email: input.email, locale: context.locale });
    return { result: 'linked', redirectTo: destinationAfterLink(journey) };
  }

  await db.transaction(async (tx) => {
    await recordAttempt(tx, { identity, method: 'auto', outcome: found ? decision.decision : 'not_found', reasons: decision.reasons, cprIndex });
    await mergeJourneyState(tx, journey.id, { autoOutcome: 'not_matched', matchReasons: decision.reasons }, { typedEnc });
  });
  return { result: 'not_matched' };
}
