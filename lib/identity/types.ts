// The one interface both login brokers (eID and MitID) implement, in demo and in production.
import type { EidIdentity } from '@/lib/matching';

export type BrokerKind = 'eid' | 'mitid';

/** What the login was started with; kept server-side on the journey until the callback consumes it once. */
export type LoginRequest = {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The applicant's country choice, passed to the eID broker as a hint. */
  country?: string | null;
};

export type VerifiedEid = EidIdentity & { issuer: string };
/** The MitID holder's CPR number, and how sure the login is of the holder (NSIS level). */
export type VerifiedMitid = { cpr: string; issuer: string; levelOfAssurance: EidIdentity['levelOfAssurance'] };

export interface Broker<T> {
  readonly kind: BrokerKind;
  /** Where to send the browser to log in. */
  authorizationUrl(request: LoginRequest): Promise<URL>;
  /** Verifies the callback against the request it answers; throws LoginRefused for anything not exactly right. */
  complete(callback: URL, request: LoginRequest): Promise<T>;
}

export type EidBroker = Broker<VerifiedEid>;
export type MitidBroker = Broker<VerifiedMitid>;

export type RefusalReason = 'cancelled' | 'state' | 'invalid';

/** A login that must not be accepted. The reason is for logs and tests; the applicant sees one message. */
export class LoginRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
