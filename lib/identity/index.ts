// Logins at the eID broker and at MitID: one interface, a simulator in demo mode and OpenID Connect in production,
// chosen by configuration (EID_ISSUER / MITID_ISSUER). Also the claim mapping both implementations share.
import 'server-only';
import * as client from 'openid-client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { eidClaimMap, eidClaimMapSchema } from './claims';
import { demoEidBroker, demoMitidBroker } from './demo';
import { oidcEidBroker, oidcMitidBroker } from './oidc';
import type { EidBroker, LoginRequest, MitidBroker } from './types';
import { callbackUrl } from './urls';

export * from './types';
export { callbackPath, callbackUrl } from './urls';

// One broker per process: the OIDC ones cache the provider's discovery document and keys.
const store: { __imEid?: EidBroker; __imMitid?: MitidBroker } = {};

function unavailable(what: string): never {
  throw new AppError('UNAVAILABLE', 'UNAVAILABLE', {}, { cause: new Error(`${what} is not configured`) });
}

export function getEidBroker(): EidBroker {
  if (store.__imEid) return store.__imEid;
  const e = env();
  if (e.EID_ISSUER && e.EID_CLIENT_ID) {
    const overrides = eidClaimMapSchema.parse(e.EID_CLAIMS ? JSON.parse(e.EID_CLAIMS) : {});
    store.__imEid = oidcEidBroker({
      issuer: e.EID_ISSUER,
      clientId: e.EID_CLIENT_ID,
      clientSecret: e.EID_CLIENT_SECRET,
      redirectUri: callbackUrl('eid'),
      scope: e.EID_SCOPE,
      claims: eidClaimMap(overrides),
    });
  } else if (e.isDemo) store.__imEid = demoEidBroker();
  else unavailable('the eID broker (EID_ISSUER, EID_CLIENT_ID)');
  return store.__imEid;
}

export function getMitidBroker(): MitidBroker {
  if (store.__imMitid) return store.__imMitid;
  const e = env();
  if (e.MITID_ISSUER && e.MITID_CLIENT_ID) {
    store.__imMitid = oidcMitidBroker({
      issuer: e.MITID_ISSUER,
      clientId: e.MITID_CLIENT_ID,
      clientSecret: e.MITID_CLIENT_SECRET,
      redirectUri: callbackUrl('mitid'),
      scope: e.MITID_SCOPE,
      cprClaim: e.MITID_CPR_CLAIM,
      loaClaim: e.MITID_LOA_CLAIM,
    });
  } else if (e.isDemo) store.__imMitid = demoMitidBroker();
  else unavailable('MitID (MITID_ISSUER, MITID_CLIENT_ID)');
  return store.__imMitid;
}

/** Fresh, unguessable values for one login: state (CSRF), nonce (token replay) and the PKCE verifier. */
export function newLoginRequest(country?: string | null): LoginRequest {
  return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), country: country ?? null };
}
