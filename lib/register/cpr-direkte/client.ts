// The CPR Direkte client: logon and token reuse (a new logon when the token has expired), a small pool bounding the
// connections open at once, request timeouts, bounded retries on network faults only, and a circuit breaker.
// Answers are parsed and returned, never kept: nothing of a person outlives the request that asked for it.
import net from 'node:net';
import tls from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CprRecord } from '@/lib/matching';
import { CircuitBreaker, type BreakerOptions } from './breaker';
import { exchange, RegisterError, type Endpoint } from './exchange';
import { toRegisterRecords } from './mapping';
import {
  ANSWER_HEADER_LENGTH, CREDENTIAL_ERRORS, ERR_NOT_FOUND, ERR_TOKEN_EXPIRED, ERROR_TEXT, LOGON_ANSWER_LENGTH, logonRecord,
  parseAnswerHeader, pnrRequestRecord, ProtocolError, searchRequestRecord, splitRecords, UNAVAILABLE_ERRORS,
  type Credentials, type SearchCriteria,
} from './records';

export type CprDirekteOptions = Endpoint & Credentials & {
  /** Transaction code of the name + birth-date match service. */
  matchTransaction: string;
  /** Connections open at once; further requests wait (within the timeout) for a free one. */
  poolSize: number;
  /** Extra attempts after a network fault (refused, reset, closed without an answer). */
  retries: number;
  retryDelayMs: number;
  /** A token is used this long before a fresh logon (the service's own limit is 30 minutes). */
  tokenTtlMs: number;
  breaker: BreakerOptions;
};

export const DEFAULTS = {
  port: 5000,
  timeoutMs: 5000,
  poolSize: 4,
  retries: 2,
  retryDelayMs: 100,
  tokenTtlMs: 25 * 60_000,
  transaction: 'PRIV',
  matchTransaction: 'ADRM',
  breaker: { failureThreshold: 5, openMs: 30_000 },
} as const;

class Pool {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(timeoutMs: number): Promise<() => void> {
    if (this.busy < this.size) {
      this.busy += 1;
      return () => this.release();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.busy += 1;
        resolve(() => this.release());
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(new RegisterError('timeout', 'no free connection in time'));
      }, timeoutMs);
      this.waiting.push(grant);
    });
  }

  private release() {
    this.busy -= 1;
    this.waiting.shift()?.();
  }
}

function refusal(code: number): RegisterError {
  const kind = CREDENTIAL_ERRORS.has(code) ? 'credentials' : UNAVAILABLE_ERRORS.has(code) ? 'unavailable' : 'protocol';
  return new RegisterError(kind, `error ${code} (${ERROR_TEXT[code] ?? 'unknown error'})`, code);
}

/** A data answer is whole once its records run from 000 to a complete 999. */
function wholeAnswer(answer: string): boolean {
  if (answer.length < ANSWER_HEADER_LENGTH || answer.slice(22, 24) !== '00') return false;
  try {
    splitRecords(answer.slice(ANSWER_HEADER_LENGTH));
    return true;
  } catch {
    return false;
  }
}

export class CprDirekteClient {
  readonly breaker: CircuitBreaker;
  private readonly pool: Pool;
  private token?: { value: string; obtainedAt: number };
  private logonInFlight?: Promise<string>;
  private session?: Buffer;

  constructor(private readonly options: CprDirekteOptions) {
    this.breaker = new CircuitBreaker(options.breaker);
    this.pool = new Pool(options.poolSize);
  }

  /** The person with this PNR, or null when the register has none (error 5: never retried). */
  async lookup(pnr: string): Promise<CprRecord | null> {
    const records = await this.guarded(() => this.dataRequest((token) => pnrRequestRecord(this.options, token, pnr)));
    const [person] = records;
    if (!person) return null;
    // An answer about another number than the one asked for must never reach the matching.
    if (person.cpr !== pnr) throw new RegisterError('protocol', 'answer is about another PNR');
    return person;
  }

  /** Persons the match service finds for a birth date (and name and sex, when given). */
  async search(criteria: SearchCriteria): Promise<CprRecord[]> {
    const options = { ...this.options, transaction: this.options.matchTransaction };
    const records = await this.guarded(() => this.dataRequest((token) => searchRequestRecord(options, token, criteria)));
    return records.filter((r) => r.dateOfBirth === criteria.dateOfBirth);
  }

  /** Reachability for the health report: the breaker's view, then a TLS handshake (no logon, no data). */
  async check(): Promise<'ok' | 'down'> {
    if (this.breaker.current() === 'open') return 'down';
    return new Promise((resolve) => {
      const socket = tls.connect({ host: this.options.host, port: this.options.port, servername: net.isIP(this.options.host) ? undefined : this.options.host, ca: this.options.ca, minVersion: 'TLSv1.2' });
      const done = (result: 'ok' | 'down') => {
        clearTimeout(timer);
        socket.destroy();
        resolve(result);
      };
      const timer = setTimeout(() => done('down'), Math.min(this.options.timeoutMs, 3000));
      socket.once('secureConnect', () => done('ok'));
      socket.once('error', () => done('down'));
    });
  }

  private async guarded<T>(run: () => Promise<T>): Promise<T> {
    if (!this.breaker.allow()) throw new RegisterError('circuit_open', 'register marked unavailable after repeated failures');
    try {
      const result = await this.withRetries(run);
      this.breaker.succeeded();
      return result;
    } catch (e) {
      const error = e instanceof ProtocolError ? new RegisterError('protocol', e.message) : e;
      if (error instanceof RegisterError) this.breaker.failed(error.kind === 'credentials');
      throw error;
    }
  }

  private async withRetries<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        // Only a connection that failed is worth another try: a timeout would double the wait, and an answer
        // (even "not found") is the register's word.
        if (!(e instanceof RegisterError) || e.kind !== 'network' || attempt >= this.options.retries) throw e;
        await sleep(this.options.retryDelayMs * 2 ** attempt);
      }
    }
  }

  private async dataRequest(build: (token: string) => Buffer): Promise<CprRecord[]> {
    let token = await this.currentToken();
    for (let relogon = 0; ; relogon++) {
      const answer = await this.send(build(token), wholeAnswer);
      const header = parseAnswerHeader(answer);
      if (header.error === 0) return toRegisterRecords(splitRecords(answer.slice(ANSWER_HEADER_LENGTH)));
      if (header.error === ERR_NOT_FOUND) return [];
      if (header.error === ERR_TOKEN_EXPIRED && relogon === 0) {
        if (this.token?.value === token) this.token = undefined;
        token = await this.currentToken();
        continue;
      }
      throw refusal(header.error);
    }
  }

  /** One logon serves every request until it expires; concurrent requests share the logon in flight. */
  private currentToken(): Promise<string> {
    if (this.token && Date.now() - this.token.obtainedAt < this.options.tokenTtlMs) return Promise.resolve(this.token.value);
    this.logonInFlight ??= this.logon().finally(() => (this.logonInFlight = undefined));
    return this.logonInFlight;
  }

  private async logon(): Promise<string> {
    const answer = await this.send(logonRecord(this.options), (a) => a.length >= LOGON_ANSWER_LENGTH);
    const header = parseAnswerHeader(answer);
    if (header.error !== 0) throw refusal(header.error);
    this.token = { value: header.token, obtainedAt: Date.now() };
    return header.token;
  }

  private async send(record: Buffer, complete: (answer: string) => boolean): Promise<string> {
    const release = await this.pool.acquire(this.options.timeoutMs);
    try {
      return await exchange(this.options, record, { complete, session: this.session, onSession: (s) => (this.session = s) });
    } finally {
      release();
    }
  }
}
