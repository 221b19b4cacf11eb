// Mapping of a broker's claims to our EidIdentity and MitID result: claim names are configurable because every
// national broker names them differently; the values are checked here, so nothing unchecked reaches matching.
import { parseCpr, type EidIdentity } from '@/lib/matching';
import { z } from '@/lib/validation';

export type EidClaimMap = {
  personIdentifier: string;
  country: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  birthName: string;
  gender: string;
  levelOfAssurance: string;
};

/** eIDAS-style names as OpenID Connect brokers commonly pass them on; override with EID_CLAIMS. */
export const defaultEidClaimMap: EidClaimMap = {
  personIdentifier: 'person_identifier',
  country: 'country',
  givenNames: 'given_name',
  familyName: 'family_name',
  dateOfBirth: 'birthdate',
  birthName: 'birth_name',
  gender: 'gender',
  levelOfAssurance: 'acr',
};

export const eidClaimMapSchema = z
  .object({
    personIdentifier: z.string().min(1),
    country: z.string().min(1),
    givenNames: z.string().min(1),
    familyName: z.string().min(1),
    dateOfBirth: z.string().min(1),
    birthName: z.string().min(1),
    gender: z.string().min(1),
    levelOfAssurance: z.string().min(1),
  })
  .partial()
  .strict();

export function eidClaimMap(overrides: Partial<EidClaimMap> = {}): EidClaimMap {
  return { ...defaultEidClaimMap, ...overrides };
}

/** eIDAS LoA URIs (…/LoA/high), plain words, or anything else, which counts as low and so never matches automatically. */
export function levelOfAssurance(value: unknown): EidIdentity['levelOfAssurance'] {
  const word = String(value ?? '').trim().toLowerCase().split('/').at(-1);
  return word === 'high' ? 'high' : word === 'substantial' ? 'substantial' : 'low';
}

function gender(value: unknown): EidIdentity['gender'] {
  const v = String(value ?? '').trim().toLowerCase();
  if (v === 'male' || v === 'm') return 'male';
  if (v === 'female' || v === 'f') return 'female';
  return v ? 'unspecified' : undefined;
}

const text = z.string().trim().min(1).max(200);
const identitySchema = z.object({
  personIdentifier: z.string().trim().min(3).max(256),
  country: z.string().trim().regex(/^[A-Za-z]{2}$/).transform((c) => c.toUpperCase()),
  givenNames: text,
  familyName: text,
  dateOfBirth: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/),
  birthName: text.optional(),
});

export class ClaimsError extends Error {}

/** Throws ClaimsError when a required attribute is missing or malformed. */
export function mapEidClaims(claims: Record<string, unknown>, map: EidClaimMap = defaultEidClaimMap): EidIdentity {
  const get = (name: string) => {
    const v = claims[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  const personIdentifier = get(map.personIdentifier);
  // An eIDAS identifier starts with the issuing country ("DE/DK/…"), which stands in when no country claim is sent.
  const country = get(map.country) ?? personIdentifier?.split('/')[0];
  const parsed = identitySchema.safeParse({
    personIdentifier,
    country,
    givenNames: get(map.givenNames),
    familyName: get(map.familyName),
    dateOfBirth: get(map.dateOfBirth),
    birthName: get(map.birthName) || undefined,
  });
  if (!parsed.success) throw new ClaimsError(`eID claims incomplete: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const g = gender(claims[map.gender]);
  const { birthName, ...rest } = parsed.data;
  return {
    ...rest,
    ...(birthName ? { birthName } : {}),
    ...(g ? { gender: g } : {}),
    levelOfAssurance: levelOfAssurance(claims[map.levelOfAssurance]),
  };
}

/** The MitID login's level of assurance (NSIS URIs such as …/nsis/loa/Substantial, or plain words); missing → low. */
export function mapMitidLevel(claims: Record<string, unknown>, loaClaim: string): EidIdentity['levelOfAssurance'] {
  return levelOfAssurance(claims[loaClaim]);
}

/** The CPR number from a MitID result, normalised to 10 digits; throws ClaimsError when absent or not a CPR number. */
export function mapMitidClaims(claims: Record<string, unknown>, cprClaim: string): string {
  const raw = claims[cprClaim];
  const parsed = typeof raw === 'string' ? parseCpr(raw) : null;
  if (!parsed?.ok) throw new ClaimsError('MitID result carries no valid CPR number');
  return parsed.cpr;
}
