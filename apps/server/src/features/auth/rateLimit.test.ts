import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './rateLimit';

describe('LoginRateLimiter', () => {
  it('allows maxFailures failures inside the window, then blocks until the oldest one expires', () => {
    let now = 0;
    const limiter = new LoginRateLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    const key = LoginRateLimiter.key(' A@Example.com', '1.2.3.4');
    expect(key).toBe('a@example.com|1.2.3.4');
    for (const t of [0, 10_000, 20_000]) {
      now = t;
      expect(limiter.retryAfterSeconds(key)).toBe(0);
      limiter.recordFailure(key);
    }
    expect(limiter.retryAfterSeconds(key)).toBe(40);
    now = 59_999;
    expect(limiter.retryAfterSeconds(key)).toBe(1);
    now = 60_000;
    expect(limiter.retryAfterSeconds(key)).toBe(0);
    limiter.recordFailure(key);
    // Failures at 10 s, 20 s and 60 s are inside the window: blocked until 10 s + 60 s.
    expect(limiter.retryAfterSeconds(key)).toBe(10);
    limiter.reset(key);
    expect(limiter.retryAfterSeconds(key)).toBe(0);
  });

  it('forgets the stalest keys beyond maxKeys', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 1, maxKeys: 2, now: () => 0 });
    limiter.recordFailure('a');
    limiter.recordFailure('b');
    limiter.recordFailure('c');
    expect(limiter.retryAfterSeconds('a')).toBe(0);
    expect(limiter.retryAfterSeconds('b')).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('c')).toBeGreaterThan(0);
  });
});
