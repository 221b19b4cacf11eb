import { describe, expect, it } from 'vitest';
import { ClaimsError, eidClaimMap, levelOfAssurance, mapEidClaims, mapMitidClaims, mapMitidLevel } from '@/lib/identity/claims';

const claims = { person_identifier: 'DE/DK/1234567890', given_name: 'Jürgen', family_name: 'Müller', birthdate: '1990-05-01', acr: 'http://eidas.europa.eu/LoA/high' };

describe('mapping eID claims to an identity', () => {
  it('maps the default eIDAS-style claim names and takes the country from the identifier', () => {
    expect(mapEidClaims(claims)).toEqual({ personIdentifier: 'DE/DK/1234567890', country: 'DE', givenNames: 'Jürgen', familyName: 'Müller', dateOfBirth: '1990-05-01', levelOfAssurance: 'high' });
  });

  it('uses renamed claims, a country claim, the birth name and the gender when configured and sent', () => {
    const map = eidClaimMap({ personIdentifier: 'pid', levelOfAssurance: 'loa', country: 'nationality' });
    const identity = mapEidClaims({ pid: 'SE/DK/1', nationality: 'se', given_name: 'Anna', family_name: 'Lind', birthdate: '1990-01-01', loa: 'substantial', birth_name: 'Berg', gender: 'F' }, map);
    expect(identity).toEqual({ personIdentifier: 'SE/DK/1', country: 'SE', givenNames: 'Anna', familyName: 'Lind', dateOfBirth: '1990-01-01', birthName: 'Berg', gender: 'female', levelOfAssurance: 'substantial' });
  });

  it('treats a missing or unknown level of assurance as low, so it can never match automatically', () => {
    expect(mapEidClaims({ ...claims, acr: undefined }).levelOfAssurance).toBe('low');
    expect(levelOfAssurance('urn:example:loa:medium')).toBe('low');
    expect(levelOfAssurance('http://eidas.europa.eu/LoA/substantial')).toBe('substantial');
    expect(levelOfAssurance('HIGH')).toBe('high');
  });

  it('refuses an identity without identifier, name or a birth date in YYYY-MM-DD', () => {
    for (const broken of [{ ...claims, person_identifier: undefined }, { ...claims, family_name: '  ' }, { ...claims, birthdate: '01.05.1990' }, { ...claims, person_identifier: 'no-country' }]) {
      expect(() => mapEidClaims(broken)).toThrow(ClaimsError);
    }
  });
});

describe('mapping a MitID answer to a CPR number', () => {
  it('normalises the CPR number and refuses anything that is not one', () => {
    expect(mapMitidClaims({ cpr: '010590-1233' }, 'cpr')).toBe('0105901233');
    expect(() => mapMitidClaims({ cpr: '310290-1233' }, 'cpr')).toThrow(ClaimsError);
    expect(() => mapMitidClaims({ other: '0105901233' }, 'cpr')).toThrow(ClaimsError);
    expect(() => mapMitidClaims({ cpr: 105901233 }, 'cpr')).toThrow(ClaimsError);
  });
});

describe('reading the MitID login’s level of assurance', () => {
  it('reads the NSIS levels MitID sends and counts anything missing or unknown as low', () => {
    expect(mapMitidLevel({ acr: 'https://data.gov.dk/concept/core/nsis/loa/Substantial' }, 'acr')).toBe('substantial');
    expect(mapMitidLevel({ acr: 'https://data.gov.dk/concept/core/nsis/loa/High' }, 'acr')).toBe('high');
    expect(mapMitidLevel({ acr: 'https://data.gov.dk/concept/core/nsis/loa/Low' }, 'acr')).toBe('low');
    expect(mapMitidLevel({ loa: 'substantial' }, 'loa')).toBe('substantial');
    expect(mapMitidLevel({}, 'acr')).toBe('low');
    expect(mapMitidLevel({ acr: 'urn:something:else' }, 'acr')).toBe('low');
  });
});
