// The stand-in register's persons: the demo population (so the journeys' test persons are found) and one person per
// register status code, protection case and address kind the adapter must map.
import { demoPersons } from '@/lib/register/demo-persons';
import { standInPerson, type StandInPerson } from './cpr-direkte-stand-in';

const person = (cpr: string, statusCode: string, more: Partial<StandInPerson> = {}): StandInPerson => ({
  cpr, givenNames: 'Mette Marie', familyName: 'Østergård', dateOfBirth: '1970-05-01', sex: 'female', statusCode,
  address: 'Nørregade 7, 1165 København K', ...more,
});

/** One person per status code the register uses, all born 1 May 1970 (PNR 010570-1xxx). */
export const STATUS_PERSONS: [code: string, cpr: string][] = [
  ['01', '0105701002'], ['03', '0105701004'], ['05', '0105701006'], ['07', '0105701008'], ['20', '0105701010'],
  ['30', '0105701012'], ['50', '0105701014'], ['60', '0105701016'], ['70', '0105701018'], ['80', '0105701020'],
  ['90', '0105701022'],
];

export const PROTECTED_CPR = '1203801007';
export const PROTECTION_LATER_CPR = '1203801015';
/** Born 2010: the 7th digit 4 with YY ≤ 36 puts the birth in the 2000s. */
export const BORN_2010_CPR = '0207104003';

export function registerFixture(): StandInPerson[] {
  return [
    ...demoPersons.flatMap((p) => (p.register ? [standInPerson(p.register)] : [])),
    ...STATUS_PERSONS.map(([code, cpr]) =>
      person(cpr, code, code === '80' ? { address: undefined, foreignAddress: { country: '5110', lines: ['Storgatan 3', '111 22 Stockholm', 'Sverige'] } } : {}),
    ),
    person(PROTECTED_CPR, '01', { givenNames: 'Jens', familyName: 'Hansen', dateOfBirth: '1980-03-12', sex: 'male', protectedFrom: '2019-06-01', address: 'Hemmelig Vej 1, 8000 Aarhus C' }),
    person(PROTECTION_LATER_CPR, '01', { givenNames: 'Jens Peter', familyName: 'Hansen', dateOfBirth: '1980-03-12', sex: 'male', protectedFrom: '2999-01-01' }),
    person(BORN_2010_CPR, '01', { givenNames: 'Freja', familyName: 'Holm', dateOfBirth: '2010-07-02', address: undefined, contactAddress: ['c/o Holm', 'Skovvej 2', '4000 Roskilde'] }),
  ];
}
