// A circuit breaker in front of the register: after repeated failures it answers "unavailable" at once for a while,
// so a dead register costs the applicant a quick "try again later" instead of a long wait, and the register a rest.
export type BreakerState = 'closed' | 'open' | 'half_open';

export type BreakerOptions = { failureThreshold: number; openMs: number; now?: () => number };

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private state: BreakerState = 'closed';
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  current(): BreakerState {
    if (this.state === 'open' && this.now() - this.openedAt >= this.options.openMs) this.state = 'half_open';
    return this.state;
  }

  /** Seconds until a request will be tried again (for Retry-After). */
  retryAfterSeconds(): number {
    if (this.current() !== 'open') return 0;
    return Math.max(1, Math.ceil((this.options.openMs - (this.now() - this.openedAt)) / 1000));
  }

  /** Whether a request may go out now; in half-open state one probe at a time. */
  allow(): boolean {
    const state = this.current();
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
    this.state = 'closed';
  }

  /** `immediately` opens at once (a refused logon: repeating it could lock the account). */
  failed(immediately = false): void {
    this.probing = false;
    this.failures += 1;
    if (immediately || this.state === 'half_open' || this.failures >= this.options.failureThreshold) {
      this.state = 'open';
      this.openedAt = this.now();
    }
  }
}
