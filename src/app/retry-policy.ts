/** When a failed send is tried again, and when it is given up: exponential backoff with jitter, pure. */
export interface RetryPolicy {
  /** The first retry waits about this long; each later one about twice the one before. */
  baseMs: number;
  maxDelayMs: number;
  /** Dead after this many attempts… */
  maxAttempts: number;
  /** …or once it has been owed this long. */
  maxAgeMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxDelayMs: 2 * 3600_000, maxAttempts: 8, maxAgeMs: 48 * 3600_000 };

export interface Failure {
  error: string;
  /** What the service asked for (Retry-After on a 429): never retried sooner. */
  retryAfterMs?: number;
}

export type RetryDecision = { state: 'pending'; nextAttemptAt: string } | { state: 'dead'; nextAttemptAt: string };

/**
 * After attempt number `attempts` failed: wait between half and all of base·2^(attempts−1) (capped), at least the
 * Retry-After asked for, unless the attempts or the age are used up.
 */
export function afterFailure(
  entry: { attempts: number; createdAt: string }, failure: Failure, now: Date, random: () => number, policy: RetryPolicy = DEFAULT_RETRY,
): RetryDecision {
  const t = now.getTime();
  if (entry.attempts >= policy.maxAttempts || t - Date.parse(entry.createdAt) >= policy.maxAgeMs) return { state: 'dead', nextAttemptAt: now.toISOString() };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, entry.attempts - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  const delay = Math.max(jittered, failure.retryAfterMs ?? 0);
  return { state: 'pending', nextAttemptAt: new Date(t + Math.round(delay)).toISOString() };
}
