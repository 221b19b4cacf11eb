// The rules applied to an eID and the register record of one CPR number, with the register's persons born on the
// eID's birth date as look-alikes: the one question both the automatic match and the MitID match ask the register.
import { decideMatch, type EidIdentity, type MatchDecision } from '@/lib/matching';
import type { CprRegister } from '@/lib/register';

/** Why nothing links when the CPR number is not in the register (not a decideMatch reason). */
export const NOT_FOUND_REASON = 'not_found';

export type RegisterDecision = { found: boolean; decision: MatchDecision };

/** Both look-ups always run, so the time taken does not depend on whether the CPR number exists. */
export async function decideAgainstRegister(register: CprRegister, eid: EidIdentity, cpr: string): Promise<RegisterDecision> {
  const [record, bornThatDay] = await Promise.all([register.lookup(cpr), register.bornOn(eid.dateOfBirth)]);
  if (!record) return { found: false, decision: { decision: 'no_match', reasons: [NOT_FOUND_REASON] } };
  return { found: true, decision: decideMatch(eid, record, bornThatDay) };
}
