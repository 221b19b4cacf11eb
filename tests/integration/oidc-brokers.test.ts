// The production brokers (OpenID Connect through openid-client) against a real oidc-provider on loopback.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { getDb } from '@/lib/db';
import { LoginRefused, newLoginRequest } from '@/lib/identity';
import { eidClaimMap } from '@/lib/identity/claims';
import { oidcEidBroker } from '@/lib/identity/oidc';
import { encrypt, blindIndex } from '@/lib/security/crypto';
import { loginAtProvider, startProvider, type TestProvider } from './support/oidc-provider';
import { APP, get, location, RETURN_URL, seedRelyingParty, startJourney, submit, eidCallback, mitidCallback, mitidStart, form } from './support/journey';

const db = () => getDb();
const EID_CALLBACK = `${APP}/api/v1/journey/eid/callback`;
const MITID_CALLBACK = `${APP}/api/v1/journey/mitid/callback`;
const clients = [
  { client_id: 'identity-matching-eid', client_secret: 'eid-secret-eid-secret-eid-secret', redirect_uris: [EID_CALLBACK] },
  { client_id: 'identity-matching-mitid', client_secret: 'mitid-secret-mitid-secret-mitid', redirect_uris: [MITID_CALLBACK] },
];
const accounts = {
  ingrid: { eidas_pid: 'SE/DK/199001011234', given_name: 'Ingrid', family_name: 'Lind', birthdate: '1990-01-01', gender: 'female', loa: 'http://eidas.europa.eu/LoA/substantial' },
  'ingrid-mitid': { cpr: '010190-4006', mitid_loa: 'https://data.gov.dk/concept/core/nsis/loa/Substantial' },
  'ingrid-mitid-low': { cpr: '010190-4006', mitid_loa: 'https://data.gov.dk/concept/core/nsis/loa/Low' },
  'someone-else-mitid': { cpr: '0202024002', mitid_loa: 'https://data.gov.dk/concept/core/nsis/loa/High' },
};

let provider: TestProvider;
let pastProvider: TestProvider;

beforeAll(async () => {
  [provider, pastProvider] = await Promise.all([
    startProvider({ accounts, clients }),
    // Its clock runs two hours behind: every ID token it issues has expired by the time we see it.
    startProvider({ accounts, clients, clockOffsetSeconds: -7200 }),
  ]);
  Object.assign(process.env, {
    EID_ISSUER: provider.issuer,
    EID_CLIENT_ID: clients[0]!.client_id,
    EID_CLIENT_SECRET: clients[0]!.client_secret,
    EID_CLAIMS: JSON.stringify({ personIdentifier: 'eidas_pid', levelOfAssurance: 'loa' }),
    MITID_ISSUER: provider.issuer,
    MITID_CLIENT_ID: clients[1]!.client_id,
    MITID_CLIENT_SECRET: clients[1]!.client_secret,
    MITID_SCOPE: 'openid profile',
    MITID_CPR_CLAIM: 'cpr',
    MITID_LOA_CLAIM: 'mitid_loa',
  });
  await seedRelyingParty(db());
  // In the register under another family name: the automatic match cannot link, MitID can.
  await db().insert(s.cprRegister).values({ cprEnc: encrypt('0101904006'), cprIndex: blindIndex('0101904006'), givenNames: 'Ingrid', familyName: 'Lindqvist', dateOfBirth: '1990-01-01', sex: 'female', status: 'active' });
}, 60_000);

afterAll(async () => {
  await Promise.all([provider?.stop(), pastProvider?.stop()]);
});

function eidBroker(issuer: string) {
  return oidcEidBroker({ issuer, clientId: clients[0]!.client_id, clientSecret: clients[0]!.client_secret, redirectUri: EID_CALLBACK, scope: 'openid profile', claims: eidClaimMap({ personIdentifier: 'eidas_pid', levelOfAssurance: 'loa' }) });
}

async function refusal(promise: Promise<unknown>): Promise<LoginRefused> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(LoginRefused);
  return error as LoginRefused;
}

describe('eID login through OpenID Connect', () => {
  it('runs the authorization-code flow with PKCE through our routes and stores the mapped identity', async () => {
    const { cookie, loginUrl } = await startJourney({ returnTo: RETURN_URL, country: 'SE' });
    expect(loginUrl.origin).toBe(provider.issuer);
    expect(loginUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(loginUrl.searchParams.get('redirect_uri')).toBe(EID_CALLBACK);
    expect(loginUrl.searchParams.get('nonce')).toBeTruthy();
    const callback = await loginAtProvider(loginUrl, EID_CALLBACK, 'ingrid');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const res = await eidCallback(get(callback, cookie));
    expect(location(res)).toBe(`${APP}/connect`);
    const [identity] = await db().select().from(s.eidIdentities).where(eq(s.eidIdentities.personIdentifier, 'SE/DK/199001011234'));
    expect(identity).toMatchObject({ country: 'SE', givenNames: 'Ingrid', familyName: 'Lind', dateOfBirth: '1990-01-01', gender: 'female', levelOfAssurance: 'substantial', issuer: provider.issuer });

    // The same callback again: the code was used and the login consumed.
    expect(location(await eidCallback(get(callback, cookie)))).toBe(`${APP}/start?error=login`);
  });

  it('refuses a callback with a wrong state, and the genuine one still completes', async () => {
    const { cookie, loginUrl } = await startJourney();
    const callback = await loginAtProvider(loginUrl, EID_CALLBACK, 'ingrid');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-forged-state-forged-state-xx');
    expect(location(await eidCallback(get(forged, cookie)))).toBe(`${APP}/start?error=login`);
    expect(location(await eidCallback(get(callback, cookie)))).toBe(`${APP}/connect`);
  });

  it('comes back to the start with a message when the person cancels at the broker', async () => {
    const { cookie, loginUrl } = await startJourney();
    const callback = await loginAtProvider(loginUrl, EID_CALLBACK, { abort: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(location(await eidCallback(get(callback, cookie)))).toBe(`${APP}/start?error=cancelled`);
  });

  it('refuses at the broker level: a wrong state, a wrong nonce and a replayed code', async () => {
    const broker = eidBroker(provider.issuer);
    const request = newLoginRequest('SE');
    const callback = await loginAtProvider(await broker.authorizationUrl(request), EID_CALLBACK, 'ingrid');
    expect((await refusal(broker.complete(callback, { ...request, state: 'another-state-another-state-another' }))).reason).toBe('state');
    // The code is still unused after the refusal above (the state is checked before the code is redeemed).
    expect((await refusal(broker.complete(callback, { ...request, nonce: 'another-nonce-another-nonce-another' }))).reason).toBe('invalid');
    const fresh = newLoginRequest('SE');
    const second = await loginAtProvider(await broker.authorizationUrl(fresh), EID_CALLBACK, 'ingrid');
    await expect(broker.complete(second, fresh)).resolves.toMatchObject({ personIdentifier: 'SE/DK/199001011234', issuer: provider.issuer });
    const replay = await refusal(broker.complete(second, fresh));
    expect(replay.reason).toBe('invalid');
    expect(replay.message).toContain('invalid_grant');
  });

  it('refuses an expired ID token', async () => {
    const broker = eidBroker(pastProvider.issuer);
    const request = newLoginRequest('SE');
    const callback = await loginAtProvider(await broker.authorizationUrl(request), EID_CALLBACK, 'ingrid');
    const error = await refusal(broker.complete(callback, request));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/"exp" \(expiration time\) claim value, expiration is past current timestamp/);
  });
});

describe('MitID match through OpenID Connect', () => {
  async function notMatchedJourney() {
    const { cookie, loginUrl } = await startJourney({ returnTo: RETURN_URL, country: 'SE' });
    await eidCallback(get(await loginAtProvider(loginUrl, EID_CALLBACK, 'ingrid'), cookie));
    expect(await (await submit(cookie, { cpr: '010190-4006', email: 'ingrid@example.com' })).json()).toMatchObject({ result: 'not_matched' });
    const start = await mitidStart(form(`${APP}/api/v1/journey/mitid/start`, {}, { cookie }));
    const loginUrl2 = new URL(location(start));
    expect(loginUrl2.origin).toBe(provider.issuer);
    return { cookie, mitidLoginUrl: loginUrl2 };
  }

  it('sends another CPR number to the manual application', async () => {
    const { cookie, mitidLoginUrl } = await notMatchedJourney();
    const callback = await loginAtProvider(mitidLoginUrl, MITID_CALLBACK, 'someone-else-mitid');
    expect(location(await mitidCallback(get(callback, cookie)))).toBe(`${APP}/apply`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, 'SE/DK/199001011234'))).toBe(0);
  });

  it('does not link when the MitID login is below substantial, even with the typed CPR number', async () => {
    const { cookie, mitidLoginUrl } = await notMatchedJourney();
    const callback = await loginAtProvider(mitidLoginUrl, MITID_CALLBACK, 'ingrid-mitid-low');
    expect(location(await mitidCallback(get(callback, cookie)))).toBe(`${APP}/apply`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, 'SE/DK/199001011234'))).toBe(0);
  });

  it('links when MitID returns the typed CPR number', async () => {
    const { cookie, mitidLoginUrl } = await notMatchedJourney();
    const callback = await loginAtProvider(mitidLoginUrl, MITID_CALLBACK, 'ingrid-mitid');
    expect(location(await mitidCallback(get(callback, cookie)))).toBe(RETURN_URL);
    const [link] = await db().select().from(s.identityLinks).where(eq(s.identityLinks.personIdentifier, 'SE/DK/199001011234'));
    expect(link?.method).toBe('mitid');
  });
});
