import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';

describe('FailureLimiter', () => {
  it('refuses after the allowed failures until the oldest leaves the window, per key', () => {
    let now = 1_000_000;
    const limiter = new FailureLimiter({ failures: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('ana')).toBe(0);
      limiter.fail('ana');
      now += 1000;
    }
    expect(limiter.retryAfter('ana')).toBe(57);
    expect(limiter.retryAfter('bo')).toBe(0);
    now += 57_000;
    expect(limiter.retryAfter('ana')).toBe(0);
    limiter.fail('ana');
    expect(limiter.retryAfter('ana')).toBeGreaterThan(0);
    limiter.clear('ana');
    expect(limiter.retryAfter('ana')).toBe(0);
  });
});
