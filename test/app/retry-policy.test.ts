import { describe, expect, it } from 'vitest';
import { afterFailure, DEFAULT_RETRY } from '../../src/app/retry-policy.js';

const NOW = new Date('2025-06-02T09:00:00Z');
const created = NOW.toISOString();
const wait = (d: { nextAttemptAt: string }) => Date.parse(d.nextAttemptAt) - NOW.getTime();

describe('retrying a notification that failed', () => {
  it('waits about twice as long after each failure, with jitter between half and all of it', () => {
    const low = (n: number) => wait(afterFailure({ attempts: n, createdAt: created }, { error: 'http_500' }, NOW, () => 0));
    const high = (n: number) => wait(afterFailure({ attempts: n, createdAt: created }, { error: 'http_500' }, NOW, () => 0.999999));
    expect([1, 2, 3, 4].map(low)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect([1, 2, 3, 4].map(high)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than the cap', () => {
    expect(wait(afterFailure({ attempts: 7, createdAt: created }, { error: 'http_503' }, NOW, () => 0.999999, { ...DEFAULT_RETRY, maxDelayMs: 60_000 }))).toBe(60_000);
  });

  it('honours Retry-After when the connector throttles', () => {
    expect(wait(afterFailure({ attempts: 1, createdAt: created }, { error: 'http_429', retryAfterMs: 120_000 }, NOW, () => 0))).toBe(120_000);
  });

  it('gives up after the last attempt, or once it has been owed too long', () => {
    expect(afterFailure({ attempts: DEFAULT_RETRY.maxAttempts, createdAt: created }, { error: 'unreachable' }, NOW, () => 0).state).toBe('dead');
    const old = new Date(NOW.getTime() - DEFAULT_RETRY.maxAgeMs).toISOString();
    expect(afterFailure({ attempts: 1, createdAt: old }, { error: 'http_500' }, NOW, () => 0).state).toBe('dead');
    expect(afterFailure({ attempts: 1, createdAt: created }, { error: 'http_500' }, NOW, () => 0).state).toBe('pending');
  });
});
