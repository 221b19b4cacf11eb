// The production brokers: OpenID Connect authorization-code flow with PKCE, state and nonce (openid-client).
// The ID token's signature, issuer, audience, expiry and nonce are checked by the library; the claims by lib/identity.
import * as client from 'openid-client';
import { ClaimsError, mapEidClaims, mapMitidClaims, mapMitidLevel, type EidClaimMap } from './claims';
import { LoginRefused, type Broker, type BrokerKind, type VerifiedEid, type VerifiedMitid } from './types';

export type OidcOptions = {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scope: string;
  /** Seconds of clock difference tolerated on exp/iat/nbf. */
  clockTolerance?: number;
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The messages and OAuth error codes along an error's cause chain (no claim values: safe to log). */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { message, error: code } = e as { message?: unknown; error?: unknown };
    if (typeof message === 'string') parts.push(message);
    if (typeof code === 'string') parts.push(code);
  }
  return parts.join(' / ');
}

function oidcBroker<T>(kind: BrokerKind, options: OidcOptions, map: (claims: Record<string, unknown>, issuer: string) => T): Broker<T> {
  let config: Promise<client.Configuration> | undefined;
  const configuration = () => {
    const issuer = new URL(options.issuer);
    // Plain http only for a provider on this machine (tests, local brokers); anything remote must be https.
    const execute = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) ? [client.allowInsecureRequests] : [];
    config ??= client
      .discovery(issuer, options.clientId, { client_secret: options.clientSecret, [client.clockTolerance]: options.clockTolerance ?? 5 }, undefined, { execute, timeout: 10 })
      .catch((e) => {
        config = undefined;
        throw e;
      });
    return config;
  };

  return {
    kind,
    async authorizationUrl(request) {
      const config = await configuration();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: options.scope,
        response_type: 'code',
        state: request.state,
        nonce: request.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async complete(callback, request) {
      const config = await configuration();
      const error = callback.searchParams.get('error');
      if (error === 'access_denied') throw new LoginRefused('cancelled', 'login cancelled at the broker');
      let claims: Record<string, unknown>;
      try {
        const tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: request.codeVerifier,
          expectedState: request.state,
          expectedNonce: request.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        claims = { ...idClaims };
        // Brokers that keep attributes out of the ID token hand them out at the userinfo endpoint.
        if (tokens.access_token) {
          const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => null);
          if (info) claims = { ...info, ...claims };
        }
      } catch (e) {
        const why = describeFailure(e);
        throw new LoginRefused(/"state"/.test(why) ? 'state' : 'invalid', `${kind} login refused: ${why}`, { cause: e });
      }
      try {
        return map(claims, config.serverMetadata().issuer);
      } catch (e) {
        if (e instanceof ClaimsError) throw new LoginRefused('invalid', e.message, { cause: e });
        throw e;
      }
    },
  };
}

export function oidcEidBroker(options: OidcOptions & { claims: EidClaimMap }): Broker<VerifiedEid> {
  return oidcBroker('eid', options, (claims, issuer) => ({ ...mapEidClaims(claims, options.claims), issuer }));
}

export function oidcMitidBroker(options: OidcOptions & { cprClaim: string; loaClaim: string }): Broker<VerifiedMitid> {
  return oidcBroker('mitid', options, (claims, issuer) => ({ cpr: mapMitidClaims(claims, options.cprClaim), levelOfAssurance: mapMitidLevel(claims, options.loaClaim), issuer }));
}
