// The data decideMatch compares: the identity asserted by a non-Danish eID and the CPR register record.
// Shapes follow DESIGN.md section 4; nothing here knows where the data came from.

export type LevelOfAssurance = 'low' | 'substantial' | 'high';

export type EidIdentity = {
  personIdentifier: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  givenNames: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  birthName?: string;
  gender?: 'male' | 'female' | 'unspecified';
  levelOfAssurance: LevelOfAssurance;
};

export type CprStatus =
  | 'active'
  | 'inactive'
  | 'emigrated'
  | 'disappeared'
  | 'deceased'
  | 'annulled'
  | 'changed';

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
  sex: 'male' | 'female';
  status: CprStatus;
  nameAddressProtected: boolean;
  historicalNames?: string[];
};

export type Decision = 'match' | 'manual' | 'no_match';

export type MatchDecision = { decision: Decision; reasons: string[] };
