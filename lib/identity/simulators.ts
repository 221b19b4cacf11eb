// The demo simulators' side of a login: turn a chosen test person (or typed attributes) into the sealed assertion
// the demo broker verifies. Demo mode only; the routes under /dev answer 404 otherwise.
import { findDemoPerson } from '@/lib/register/demo-persons';
import { parseCpr } from '@/lib/matching';
import { z } from '@/lib/validation';
import { EU_EEA_COUNTRIES } from './countries';
import { DEMO_MITID_CPR_CLAIM, DEMO_MITID_LOA_CLAIM, demoCallback, sealDemoAssertion } from './demo';

const request = { state: z.string().min(16).max(200), nonce: z.string().min(16).max(200) };

const typedEid = z.object({
  personIdentifier: z.string().trim().min(3).max(256),
  country: z.enum(EU_EEA_COUNTRIES),
  givenNames: z.string().trim().min(1).max(200),
  familyName: z.string().trim().min(1).max(200),
  dateOfBirth: z.iso.date(),
  birthName: z.string().trim().max(200).optional(),
  gender: z.enum(['male', 'female', 'unspecified', '']).optional(),
  levelOfAssurance: z.enum(['low', 'substantial', 'high']),
});

export const eidSimulatorForm = z.object({ ...request, action: z.enum(['person', 'typed', 'cancel']), person: z.string().max(20).optional() }).loose();
export const mitidSimulatorForm = z.object({
  ...request,
  action: z.enum(['person', 'typed', 'cancel']),
  person: z.string().max(20).optional(),
  cpr: z.string().max(20).optional(),
  levelOfAssurance: z.enum(['low', 'substantial', 'high']).default('substantial'),
});

/** How MitID (NSIS) names its levels in the acr claim. */
export const nsisLevel = (level: 'low' | 'substantial' | 'high') => `https://data.gov.dk/concept/core/nsis/loa/${level[0]!.toUpperCase()}${level.slice(1)}`;

/** The URL of our eID callback carrying the simulator's answer, or null when the form does not describe a person. */
export async function answerEidSimulator(form: Record<string, string>): Promise<URL | null> {
  const parsed = eidSimulatorForm.safeParse(form);
  if (!parsed.success) return null;
  const { state, nonce, action } = parsed.data;
  if (action === 'cancel') return demoCallback('eid', state, { error: 'access_denied' });
  let eid: z.output<typeof typedEid> | undefined;
  if (action === 'person') {
    eid = findDemoPerson(parsed.data.person ?? '')?.eid as z.output<typeof typedEid> | undefined;
  } else {
    const typed = typedEid.safeParse(form);
    eid = typed.success ? typed.data : undefined;
  }
  if (!eid) return null;
  const claims = {
    person_identifier: eid.personIdentifier,
    country: eid.country,
    given_name: eid.givenNames,
    family_name: eid.familyName,
    birthdate: eid.dateOfBirth,
    ...(eid.birthName ? { birth_name: eid.birthName } : {}),
    ...(eid.gender ? { gender: eid.gender } : {}),
    acr: `http://eidas.europa.eu/LoA/${eid.levelOfAssurance}`,
  };
  return demoCallback('eid', state, { assertion: await sealDemoAssertion('eid', claims, nonce) });
}

export async function answerMitidSimulator(form: Record<string, string>): Promise<URL | null> {
  const parsed = mitidSimulatorForm.safeParse(form);
  if (!parsed.success) return null;
  const { state, nonce, action } = parsed.data;
  if (action === 'cancel') return demoCallback('mitid', state, { error: 'access_denied' });
  const raw = action === 'person' ? findDemoPerson(parsed.data.person ?? '')?.register?.cpr : parsed.data.cpr;
  const cpr = raw ? parseCpr(raw) : null;
  if (!cpr?.ok) return null;
  const claims = { [DEMO_MITID_CPR_CLAIM]: cpr.cpr, [DEMO_MITID_LOA_CLAIM]: nsisLevel(parsed.data.levelOfAssurance) };
  return demoCallback('mitid', state, { assertion: await sealDemoAssertion('mitid', claims, nonce) });
}
