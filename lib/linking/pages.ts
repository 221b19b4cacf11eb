// What the journey's pages need to know about the current visit, read once per page: the journey, its eID identity,
// whether that identity is already linked, and how many automatic attempts are left.
import type { Db } from '@/lib/db';
import { currentJourney, type Journey } from '@/lib/journey';
import { findEidIdentity, type EidIdentityRow } from './identities';
import { journeyState, type JourneyState } from './journey-state';
import { autoAttemptsLeft } from './limits';
import { findActiveLink } from './links';
import { destinationAfterLink } from './eid-login';

export type JourneyView = {
  journey: Journey;
  identity: EidIdentityRow;
  state: JourneyState;
  linkedDestination: string | null;
  attemptsLeft: number;
};

/** Null when there is no journey with an eID login behind this request's cookie. */
export async function journeyView(db: Db): Promise<JourneyView | null> {
  const journey = await currentJourney(db);
  const identity = journey?.eidIdentityId ? await findEidIdentity(db, journey.eidIdentityId) : null;
  if (!journey || !identity) return null;
  const [link, attemptsLeft] = await Promise.all([findActiveLink(db, identity.personIdentifier), autoAttemptsLeft(db, identity.personIdentifier)]);
  return { journey, identity, state: journeyState(journey), linkedDestination: link ? destinationAfterLink(journey) : null, attemptsLeft };
}
