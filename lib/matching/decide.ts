// decideMatch: the gates (level of assurance, register status, birth date, gender) around the name
// rules, combined so that the most cautious outcome always wins; and the look-alikes among the register's others.

import { analyseNames } from './analyse-names';
import { isIsoDate } from './calendar';
import { orderReasons, type MatchReason } from './reasons';
import type { CprRecord, Decision, EidIdentity, MatchDecision } from './types';

const SEVERITY: Readonly<Record<Decision, number>> = { match: 0, manual: 1, no_match: 2 };

// emigrated and inactive are ordinary for people who hold a foreign eID, so they pass.
const STATUS_GATES: Readonly<Record<string, { decision: Decision; reason: MatchReason } | null>> = {
  active: null,
  inactive: null,
  emigrated: null,
  deceased: { decision: 'no_match', reason: 'status_deceased' },
  annulled: { decision: 'manual', reason: 'status_annulled' },
  changed: { decision: 'manual', reason: 'status_changed' },
  disappeared: { decision: 'manual', reason: 'status_disappeared' },
};

/**
 * The persons in `others` (another CPR number than `record`'s) whom this eID would match as well. The eID's level
 * of assurance is left out of this comparison: it says how sure the eID is, not which register person it names, so a
 * low-assurance eID still shows the caseworker its look-alikes.
 */
export function findLookAlikes<T extends CprRecord>(eid: EidIdentity, record: Pick<CprRecord, 'cpr'> | null, others: readonly T[] | undefined): T[] {
  if (!others?.length) return [];
  const assured: EidIdentity = { ...eid, levelOfAssurance: 'high' };
  return others.filter((other) => other.cpr !== record?.cpr && decideOne(assured, other).decision === 'match');
}

/**
 * `others` are the register's persons born on the eID's birth date (`record` itself may be among them). When the eID
 * would also be a `match` for one of them, nothing tells the two apart automatically: `manual`, `register_ambiguous`.
 */
export function decideMatch(eid: EidIdentity, record: CprRecord, others?: readonly CprRecord[]): MatchDecision {
  const own = decideOne(eid, record);
  if (findLookAlikes(eid, record, others).length === 0) return own;
  const decision: Decision = SEVERITY[own.decision] >= SEVERITY.manual ? own.decision : 'manual';
  return { decision, reasons: orderReasons([...(own.reasons as MatchReason[]), 'register_ambiguous']) };
}

function decideOne(eid: EidIdentity, record: CprRecord): MatchDecision {
  let decision: Decision = 'match';
  const reasons: MatchReason[] = [];
  const lowerTo = (d: Decision, ...why: MatchReason[]) => {
    if (SEVERITY[d] > SEVERITY[decision]) decision = d;
    reasons.push(...why);
  };

  // Only an allow-list of levels passes: an unexpected value is treated like 'low'.
  if (eid.levelOfAssurance !== 'substantial' && eid.levelOfAssurance !== 'high') {
    lowerTo('manual', 'loa_below_substantial');
  }

  const statusGate = Object.hasOwn(STATUS_GATES, record.status) ? STATUS_GATES[record.status] : undefined;
  if (statusGate === undefined) lowerTo('manual', 'status_unknown');
  else if (statusGate !== null) lowerTo(statusGate.decision, statusGate.reason);

  const eidBirth = String(eid.dateOfBirth ?? '').trim();
  const registerBirth = String(record.dateOfBirth ?? '').trim();
  if (!isIsoDate(eidBirth) || !isIsoDate(registerBirth)) lowerTo('manual', 'birth_date_invalid');
  else if (eidBirth !== registerBirth) lowerTo('no_match', 'birth_date_differs');

  if ((eid.gender === 'male' || eid.gender === 'female') && eid.gender !== record.sex) {
    lowerTo('manual', 'gender_differs');
  }

  const names = analyseNames(eid, record);
  lowerTo(names.decision, ...names.reasons);

  return { decision, reasons: orderReasons(reasons) };
}
