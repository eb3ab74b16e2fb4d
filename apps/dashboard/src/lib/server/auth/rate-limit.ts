/**
 * Failed sign-ins counted per user name and per client address over a sliding window: past the limit, sign-in is
 * refused (429 with Retry-After) until the oldest failure leaves the window — whatever the password, so guessing
 * stays slow. A success clears the name's count. In memory: a restart forgets, which only helps the real user.
 */
export interface Limit {
  /** Failures allowed inside the window. */
  failures: number;
  windowMs: number;
}

export class FailureLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.limit.failures) return 0;
    return Math.max(1, Math.ceil((times[0]! + this.limit.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    this.seen.set(key, times);
    // Bound the memory a flood of names can take: forget the oldest keys first.
    if (this.seen.size > 100_000) this.seen.delete(this.seen.keys().next().value!);
  }

  clear(key: string): void {
    this.seen.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limit.windowMs;
    const times = (this.seen.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.seen.delete(key);
    return times;
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** A person mistyping stays far below these; a script guessing passwords does not. */
export const signInLimits = {
  byName: new FailureLimiter({ failures: 5, windowMs: FIFTEEN_MINUTES }),
  byAddress: new FailureLimiter({ failures: 20, windowMs: FIFTEEN_MINUTES }),
};
