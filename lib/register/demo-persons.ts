// The demo population: test persons in the demo CPR register, each with the eID attributes the simulator hands out,
// built from the public matching examples so every rule can be tried by hand. Demo mode only.
import type { CprRecord, EidIdentity } from '@/lib/matching';
import cases from './matching-examples.json';

export type DemoPerson = {
  /** Stable id used by the eID and MitID simulators. */
  id: string;
  /** What this person demonstrates, in English (shown in the simulators, which are test tools). */
  scenario: string;
  expected: 'match' | 'manual' | 'no_match' | 'not_in_register';
  eid: EidIdentity;
  /** Absent for persons who are not in the register. */
  register?: CprRecord;
};

const countries = ['DE', 'SE', 'NL', 'FR', 'ES', 'PL', 'IT', 'PT', 'IE', 'GR', 'BE', 'AT', 'FI', 'IS', 'NO', 'CZ', 'HU'];

/** A CPR number for a birth date; the 7th digit keeps the century rule, the last digit carries the sex. */
export function demoCpr(dateOfBirth: string, sex: 'male' | 'female', serial: number): string {
  const [y, m, d] = dateOfBirth.split('-') as [string, string, string];
  const year = Number(y);
  const century = year >= 2000 ? 4 : 1; // 4 → 20xx when YY ≤ 36; 1 → 19xx
  const body = 100 + (serial % 450) * 2 + (sex === 'male' ? 1 : 0);
  return `${d}${m}${y.slice(2)}${century}${String(body).padStart(3, '0')}`;
}

function birthDate(i: number): string {
  const year = 1955 + ((i * 7) % 50);
  const month = 1 + ((i * 5) % 12);
  const day = 1 + ((i * 11) % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Case = (typeof cases.cases)[number];

function fromCase(c: Case, i: number): DemoPerson {
  // Each example becomes its own person with its own birth date; a date difference in the example is kept.
  const dob = birthDate(i);
  const eidDob = c.eid.dateOfBirth === c.record.dateOfBirth ? dob : birthDate(i + 17);
  const country = countries[i % countries.length]!;
  const sex = c.record.sex as 'male' | 'female';
  const record = c.record as Case['record'] & { middleName?: string; historicalNames?: string[] };
  const eid = c.eid as Case['eid'] & { birthName?: string; gender?: 'male' | 'female' | 'unspecified' };
  return {
    id: c.id.toLowerCase(),
    scenario: c.why,
    expected: c.expect as DemoPerson['expected'],
    eid: {
      personIdentifier: `${country}/DK/${(9_100_000_000 + i * 7919).toString()}`,
      country,
      givenNames: eid.givenNames,
      familyName: eid.familyName,
      dateOfBirth: eidDob,
      ...(eid.birthName ? { birthName: eid.birthName } : {}),
      ...(eid.gender ? { gender: eid.gender } : {}),
      levelOfAssurance: eid.levelOfAssurance as DemoPerson['eid']['levelOfAssurance'],
    },
    register: {
      cpr: demoCpr(dob, sex, i),
      givenNames: record.givenNames,
      ...(record.middleName ? { middleName: record.middleName } : {}),
      familyName: record.familyName,
      dateOfBirth: dob,
      sex,
      status: record.status as NonNullable<DemoPerson['register']>['status'],
      nameAddressProtected: record.nameAddressProtected,
      ...(record.historicalNames ? { historicalNames: record.historicalNames } : {}),
      address: record.nameAddressProtected ? undefined : `Testvej ${i + 1}, 2300 København S`,
    },
  };
}

const extra: DemoPerson[] = [
  {
    id: 'x01',
    scenario: 'low level of assurance',
    expected: 'manual',
    eid: { personIdentifier: 'FR/DK/7700000001', country: 'FR', givenNames: 'Camille', familyName: 'Martin', dateOfBirth: '1988-03-14', levelOfAssurance: 'low' },
    register: { cpr: demoCpr('1988-03-14', 'female', 301), givenNames: 'Camille', familyName: 'Martin', dateOfBirth: '1988-03-14', sex: 'female', status: 'active', nameAddressProtected: false, address: 'Testvej 101, 8000 Aarhus C' },
  },
  {
    id: 'x02',
    scenario: 'register: annulled',
    expected: 'manual',
    eid: { personIdentifier: 'IT/DK/7700000002', country: 'IT', givenNames: 'Marco', familyName: 'Rossi', dateOfBirth: '1979-11-02', levelOfAssurance: 'high' },
    register: { cpr: demoCpr('1979-11-02', 'male', 302), givenNames: 'Marco', familyName: 'Rossi', dateOfBirth: '1979-11-02', sex: 'male', status: 'annulled', nameAddressProtected: false },
  },
  {
    id: 'x03',
    scenario: 'register: changed',
    expected: 'manual',
    eid: { personIdentifier: 'NL/DK/7700000003', country: 'NL', givenNames: 'Sanne', familyName: 'de Vries', dateOfBirth: '1993-06-21', levelOfAssurance: 'substantial' },
    register: { cpr: demoCpr('1993-06-21', 'female', 303), givenNames: 'Sanne', familyName: 'de Vries', dateOfBirth: '1993-06-21', sex: 'female', status: 'changed', nameAddressProtected: false },
  },
  {
    id: 'x04',
    scenario: 'register: inactive is normal',
    expected: 'match',
    eid: { personIdentifier: 'SE/DK/7700000004', country: 'SE', givenNames: 'Erik', familyName: 'Lindqvist', dateOfBirth: '1965-09-30', levelOfAssurance: 'high' },
    register: { cpr: demoCpr('1965-09-30', 'male', 304), givenNames: 'Erik', familyName: 'Lindqvist', dateOfBirth: '1965-09-30', sex: 'male', status: 'inactive', nameAddressProtected: false },
  },
  {
    id: 'x05',
    scenario: 'historical name in the register',
    expected: 'manual',
    eid: { personIdentifier: 'DE/DK/7700000005', country: 'DE', givenNames: 'Julia', familyName: 'Becker', dateOfBirth: '1985-02-11', levelOfAssurance: 'substantial' },
    register: { cpr: demoCpr('1985-02-11', 'female', 305), givenNames: 'Julia', familyName: 'Hoffmann', dateOfBirth: '1985-02-11', sex: 'female', status: 'active', nameAddressProtected: false, historicalNames: ['Julia Becker'] },
  },
  {
    id: 'x06',
    scenario: 'born after 2000',
    expected: 'match',
    eid: { personIdentifier: 'PL/DK/7700000006', country: 'PL', givenNames: 'Zofia', familyName: 'Wiśniewska', dateOfBirth: '2003-08-17', levelOfAssurance: 'substantial' },
    register: { cpr: demoCpr('2003-08-17', 'female', 306), givenNames: 'Zofia', familyName: 'Wiśniewska', dateOfBirth: '2003-08-17', sex: 'female', status: 'active', nameAddressProtected: false },
  },
  {
    id: 'x07',
    scenario: 'name and address protected',
    expected: 'match',
    eid: { personIdentifier: 'ES/DK/7700000007', country: 'ES', givenNames: 'Lucía', familyName: 'Fernández Ruiz', dateOfBirth: '1991-12-24', levelOfAssurance: 'high' },
    register: { cpr: demoCpr('1991-12-24', 'female', 307), givenNames: 'Lucía', familyName: 'Fernández Ruiz', dateOfBirth: '1991-12-24', sex: 'female', status: 'active', nameAddressProtected: true },
  },
  {
    id: 'x08',
    scenario: 'not in the CPR register',
    expected: 'not_in_register',
    eid: { personIdentifier: 'BE/DK/7700000008', country: 'BE', givenNames: 'Lotte', familyName: 'Peeters', dateOfBirth: '1990-04-04', levelOfAssurance: 'substantial' },
  },
  {
    id: 'x09',
    scenario: 'not in the CPR register',
    expected: 'not_in_register',
    eid: { personIdentifier: 'AT/DK/7700000009', country: 'AT', givenNames: 'Florian', familyName: 'Gruber', dateOfBirth: '1982-07-19', levelOfAssurance: 'high' },
  },
  {
    id: 'x10',
    scenario: 'not in the CPR register',
    expected: 'not_in_register',
    eid: { personIdentifier: 'FI/DK/7700000010', country: 'FI', givenNames: 'Aino', familyName: 'Virtanen', dateOfBirth: '1996-01-28', levelOfAssurance: 'substantial' },
  },
  // Look-alikes: two people registered from abroad with an unknown birth day, recorded as 1 January, and the same
  // names. Either could type the other's CPR number, so neither links automatically; MitID or a caseworker decides.
  {
    id: 'x11',
    scenario: 'look-alike in the register',
    expected: 'manual',
    eid: { personIdentifier: 'PL/DK/7710000011', country: 'PL', givenNames: 'Piotr', familyName: 'Nowak', dateOfBirth: '1975-01-01', gender: 'male', levelOfAssurance: 'high' },
    register: { cpr: demoCpr('1975-01-01', 'male', 311), givenNames: 'Piotr', familyName: 'Nowak', dateOfBirth: '1975-01-01', sex: 'male', status: 'active', nameAddressProtected: false, address: 'Testvej 111, 5000 Odense C' },
  },
  {
    id: 'x12',
    scenario: 'look-alike in the register',
    expected: 'manual',
    eid: { personIdentifier: 'DE/DK/7710000012', country: 'DE', givenNames: 'Piotr', familyName: 'Nowak', dateOfBirth: '1975-01-01', gender: 'male', levelOfAssurance: 'substantial' },
    register: { cpr: demoCpr('1975-01-01', 'male', 312), givenNames: 'Piotr', familyName: 'Nowak', dateOfBirth: '1975-01-01', sex: 'male', status: 'emigrated', nameAddressProtected: false, address: 'Testvej 112, 9000 Aalborg' },
  },
];

export const demoPersons: DemoPerson[] = [...cases.cases.map((c, i) => fromCase(c, i)), ...extra];

/** The other register persons born on the same day as this one's register record: the look-alikes decideMatch weighs. */
export function demoBornOn(dateOfBirth: string): NonNullable<DemoPerson['register']>[] {
  return demoPersons.flatMap((p) => (p.register?.dateOfBirth === dateOfBirth ? [p.register] : []));
}

export function findDemoPerson(id: string): DemoPerson | undefined {
  return demoPersons.find((p) => p.id === id);
}
