// The demo brokers behind /dev/eid and /dev/mitid: the simulator signs an assertion (JWS) and seals it (JWE) so it can
// travel in the callback URL without exposing a name or CPR number; the callback verifies it like a real ID token.
import { CompactEncrypt, SignJWT, compactDecrypt, jwtVerify } from 'jose';
import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';
import { safeEqual, randomToken } from '@/lib/security/crypto';
import { ClaimsError, mapEidClaims, mapMitidClaims, mapMitidLevel } from './claims';
import { callbackUrl } from './urls';
import { LoginRefused, type Broker, type BrokerKind, type LoginRequest, type VerifiedEid, type VerifiedMitid } from './types';

export const DEMO_AUDIENCE = 'identity-matching';
export const DEMO_ASSERTION_SECONDS = 120;
export const DEMO_MITID_CPR_CLAIM = 'cpr';
export const DEMO_MITID_LOA_CLAIM = 'acr';

function key(purpose: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', env().AUTH_SECRET).update(`demo-broker:${purpose}`).digest());
}

export function demoIssuer(kind: BrokerKind): string {
  return `${env().APP_URL}/dev/${kind}`;
}

/** Signs and seals what the simulator asserts. `issuedAt` (seconds) exists so tests can make an expired one. */
export async function sealDemoAssertion(kind: BrokerKind, claims: Record<string, unknown>, nonce: string, issuedAt = Math.floor(Date.now() / 1000)): Promise<string> {
  const jws = await new SignJWT({ ...claims, nonce })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(demoIssuer(kind))
    .setAudience(DEMO_AUDIENCE)
    .setSubject(String(claims.person_identifier ?? randomToken(12)))
    .setJti(randomToken(16))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + DEMO_ASSERTION_SECONDS)
    .sign(key(`${kind}:sign`));
  return new CompactEncrypt(new TextEncoder().encode(jws)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT' }).encrypt(key(`${kind}:seal`));
}

async function openDemoAssertion(kind: BrokerKind, sealed: string, request: LoginRequest): Promise<Record<string, unknown>> {
  try {
    const { plaintext } = await compactDecrypt(sealed, key(`${kind}:seal`));
    const { payload } = await jwtVerify(new TextDecoder().decode(plaintext), key(`${kind}:sign`), {
      algorithms: ['HS256'],
      issuer: demoIssuer(kind),
      audience: DEMO_AUDIENCE,
      maxTokenAge: DEMO_ASSERTION_SECONDS,
      clockTolerance: 5,
      requiredClaims: ['exp', 'iat', 'nonce', 'jti'],
    });
    if (typeof payload.nonce !== 'string' || !safeEqual(payload.nonce, request.nonce)) throw new Error('nonce mismatch');
    return payload as Record<string, unknown>;
  } catch (e) {
    throw new LoginRefused('invalid', 'demo assertion refused', { cause: e });
  }
}

function demoBroker<T>(kind: BrokerKind, map: (claims: Record<string, unknown>) => T): Broker<T> {
  return {
    kind,
    async authorizationUrl(request) {
      const url = new URL(demoIssuer(kind));
      url.searchParams.set('state', request.state);
      url.searchParams.set('nonce', request.nonce);
      if (request.country) url.searchParams.set('country', request.country);
      return url;
    },
    async complete(callback, request) {
      const params = callback.searchParams;
      const state = params.get('state') ?? '';
      if (!state || !safeEqual(state, request.state)) throw new LoginRefused('state', 'state does not match the login request');
      if (params.get('error')) throw new LoginRefused('cancelled', `login ended: ${params.get('error')}`);
      const claims = await openDemoAssertion(kind, params.get('assertion') ?? '', request);
      try {
        return map(claims);
      } catch (e) {
        if (e instanceof ClaimsError) throw new LoginRefused('invalid', e.message, { cause: e });
        throw e;
      }
    },
  };
}

export function demoEidBroker(): Broker<VerifiedEid> {
  return demoBroker('eid', (claims) => ({ ...mapEidClaims(claims), issuer: demoIssuer('eid') }));
}

export function demoMitidBroker(): Broker<VerifiedMitid> {
  return demoBroker('mitid', (claims) => ({
    cpr: mapMitidClaims(claims, DEMO_MITID_CPR_CLAIM),
    levelOfAssurance: mapMitidLevel(claims, DEMO_MITID_LOA_CLAIM),
    issuer: demoIssuer('mitid'),
  }));
}

/** The simulator's answer: back to our own callback (never a URL from the request), with the sealed assertion. */
export function demoCallback(kind: BrokerKind, state: string, result: { assertion: string } | { error: string }): URL {
  const url = new URL(callbackUrl(kind));
  url.searchParams.set('state', state);
  if ('assertion' in result) url.searchParams.set('assertion', result.assertion);
  else url.searchParams.set('error', result.error);
  return url;
}
