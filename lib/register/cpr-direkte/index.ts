// The national CPR register through CPR Direkte (the CPR office's TLS socket service), behind our CprRegister.
// A register that cannot answer becomes a 503 "try again later"; its answers are never cached or logged.
import { readFileSync } from 'node:fs';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import type { CprRegister } from '@/lib/register';
import { CprDirekteClient, DEFAULTS, type CprDirekteOptions } from './client';
import { RegisterError } from './exchange';

export { CprDirekteClient, DEFAULTS, type CprDirekteOptions } from './client';
export { RegisterError } from './exchange';

/** The message key the applicant and the caseworker see when the register cannot answer. */
export const REGISTER_UNAVAILABLE = 'REGISTER_UNAVAILABLE';

async function guarded<T>(client: CprDirekteClient, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof RegisterError)) throw e;
    // Kind and register error number only: the request held a CPR number, the logon a password.
    const entry = { register: 'cpr-direkte', kind: e.kind, registerCode: e.registerCode };
    if (e.kind === 'credentials' || e.kind === 'protocol') logger.error(entry, 'CPR register refused or misunderstood the request');
    else logger.warn(entry, 'CPR register unavailable');
    throw new AppError('UNAVAILABLE', REGISTER_UNAVAILABLE, { retryAfter: Math.max(client.breaker.retryAfterSeconds(), 5) }, { cause: e });
  }
}

export function cprDirekteRegister(client: CprDirekteClient): CprRegister & { check(): Promise<'ok' | 'down'> } {
  return {
    lookup: (cpr) => guarded(client, () => client.lookup(cpr)),
    bornOn: (dateOfBirth) => guarded(client, () => client.search({ dateOfBirth })),
    check: () => client.check(),
  };
}

/** Client options from the validated configuration (CPR_DIREKTE_*). */
export function cprDirekteOptions(e: Env): CprDirekteOptions {
  return {
    host: e.CPR_DIREKTE_HOST!,
    port: e.CPR_DIREKTE_PORT,
    ca: e.CPR_DIREKTE_CA ? readFileSync(e.CPR_DIREKTE_CA) : undefined,
    timeoutMs: e.CPR_DIREKTE_TIMEOUT_MS,
    transaction: e.CPR_DIREKTE_TRANSACTION,
    matchTransaction: DEFAULTS.matchTransaction,
    customer: e.CPR_DIREKTE_CUSTOMER!,
    user: e.CPR_DIREKTE_USER!,
    password: e.CPR_DIREKTE_PASSWORD!,
    poolSize: e.CPR_DIREKTE_POOL_SIZE,
    retries: DEFAULTS.retries,
    retryDelayMs: DEFAULTS.retryDelayMs,
    tokenTtlMs: DEFAULTS.tokenTtlMs,
    breaker: { ...DEFAULTS.breaker },
  };
}
