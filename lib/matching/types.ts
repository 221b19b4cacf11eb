// The data decideMatch compares: the identity asserted by a non-Danish eID and the CPR register record (the one
// register record type: every register adapter, the demo population and the case page use it).
// Shapes follow DESIGN.md section 4; nothing here knows where the data came from.
import type { CprStatus, Gender, LevelOfAssurance, Sex } from '@/lib/vocabulary';

export type { CprStatus, LevelOfAssurance } from '@/lib/vocabulary';

export type EidIdentity = {
  personIdentifier: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  givenNames: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  birthName?: string;
  gender?: Gender;
  levelOfAssurance: LevelOfAssurance;
};

export type CprRecord = {
  /** 10 digits */
  cpr: string;
  /** fornavne, including middle given names */
  givenNames: string;
  /** mellemnavn */
  middleName?: string;
  /** efternavn */
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: Sex;
  status: CprStatus;
  nameAddressProtected: boolean;
  historicalNames?: string[];
  /** Never set when the record has name-and-address protection; the matching rules do not read it. */
  address?: string;
};

export type Decision = 'match' | 'manual' | 'no_match';

export type MatchDecision = { decision: Decision; reasons: string[] };
