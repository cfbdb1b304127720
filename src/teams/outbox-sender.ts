import { afterFailure, DEFAULT_RETRY, type RetryPolicy } from '../app/retry-policy.js';
import type { Directory } from '../routing/directory.js';
import type { Random } from '../routing/ports.js';
import type { Member, MemberId } from '../routing/types.js';
import type { DirectoryStore } from '../store/directory-store.js';
import type { Stored } from '../store/docs.js';
import type { OutboxEntry } from '../store/outbox-store.js';
import { errorFields, type Logger } from '../log.js';
import { OutboxAttempt, type Attempt, type AttemptDeps } from './outbox-attempt.js';

/** What one pass did; `unreachable` are members owed a card who have never talked to the bot. */
export interface SendSummary {
  sent: number;
  retrying: number;
  dead: number;
  unreachable: MemberId[];
  /** The connector said 429: the pass stopped there, and what is left waits for the next one. */
  throttled: boolean;
}

export interface SenderDeps extends AttemptDeps {
  directory: DirectoryStore;
  random: Random;
  log: Logger;
  leaseMs?: number;
  policy?: RetryPolicy;
}

/** Longer than any single send; a sender that dies while holding an entry delays it by no more than this. */
export const OUTBOX_LEASE_MS = 60_000;

const empty = (): SendSummary => ({ sent: 0, retrying: 0, dead: 0, unreachable: [], throttled: false });

/**
 * Sends what the outbox holds: after each use case (that report's entries), on every sweep (everything due), and
 * when a member first talks to the bot (everything owed to them). Each entry is claimed (an etag-checked lease)
 * before it is sent, so two instances never both send it; a failure is scheduled again with backoff and jitter,
 * and after too many tries or too long it is marked dead for the admin, never dropped.
 */
export class OutboxSender {
  private readonly attempt: OutboxAttempt;

  constructor(private readonly deps: SenderDeps) {
    this.attempt = new OutboxAttempt(deps);
  }

  async sendDue(departmentId: string, reportId?: string): Promise<SendSummary> {
    const dir = await this.deps.directory.directory(departmentId);
    const summary = empty();
    if (!dir) return summary;
    // A refresh expands into updates, due at once: one more pass sends them.
    for (let pass = 0; pass < 2; pass++) {
      const due = await this.deps.outbox.due(departmentId, this.deps.clock.now(), reportId);
      const expanded = await this.each(dir, due, summary);
      if (expanded.length === 0 || summary.throttled) break;
    }
    return summary;
  }

  /** Exactly these entries (what a transition just wrote), read by id, then the updates their refreshes expand into: no query. */
  async sendEntries(dir: Directory, ids: string[]): Promise<SendSummary> {
    const summary = empty();
    let next = ids;
    for (let pass = 0; pass < 2 && next.length > 0 && !summary.throttled; pass++) {
      next = await this.each(dir, await this.deps.outbox.dueAmong(dir.config.id, next, this.deps.clock.now()), summary);
    }
    return summary;
  }

  /** What could not be sent to the member before; only looked for when a failed send marked them (one point read otherwise). */
  async sendOwed(dir: Directory, member: Member): Promise<SendSummary> {
    const summary = empty();
    const owed = await this.deps.outbox.owed(dir.config.id, member.id, this.deps.clock.now());
    if (!owed.marker) return summary;
    await this.each(dir, owed.entries, summary);
    // Whatever failed again has marked the member anew, so this clear fails and the next turn looks again.
    await this.deps.outbox.clearOwed(dir.config.id, member.id, owed.marker, this.deps.clock.now());
    return summary;
  }

  /** Returns the ids of the updates refreshes added. */
  private async each(dir: Directory, entries: Stored<OutboxEntry>[], summary: SendSummary): Promise<string[]> {
    const expanded: string[] = [];
    for (const stored of entries) {
      const claimed = await this.deps.outbox.claim(stored, this.deps.clock.now(), this.deps.leaseMs ?? OUTBOX_LEASE_MS);
      if (!claimed) continue;
      const attempt = await this.tryOnce(dir, claimed.entry);
      const now = this.deps.clock.now();
      if (attempt.ok) {
        expanded.push(...(attempt.expanded ?? []));
        summary.sent++;
        await this.deps.outbox.settle(claimed, { state: 'sent', nextAttemptAt: claimed.entry.nextAttemptAt, sentAt: now.toISOString(), ...(attempt.note ? { note: attempt.note } : {}) });
        continue;
      }
      const next = afterFailure(claimed.entry, attempt, now, () => this.deps.random.next(), this.deps.policy ?? DEFAULT_RETRY);
      await this.deps.outbox.settle(claimed, { ...next, lastError: attempt.error });
      if ('member' in claimed.entry) await this.deps.outbox.markOwed(dir.config.id, claimed.entry.member, now);
      summary[next.state === 'dead' ? 'dead' : 'retrying']++;
      if (attempt.error === 'unreachable' && 'member' in claimed.entry) summary.unreachable.push(claimed.entry.member);
      if (next.state === 'dead') this.deps.log.warn('notification given up', { department: dir.config.id, report: claimed.entry.reportId, purpose: claimed.entry.purpose, error: attempt.error, attempts: claimed.entry.attempts });
      if (attempt.error === 'http_429') {
        summary.throttled = true;
        break;
      }
    }
    return expanded;
  }

  /** A bug or a storage failure while preparing a message counts as a failed try: the entry is retried, then dead, never stuck. */
  private async tryOnce(dir: Directory, entry: OutboxEntry): Promise<Attempt> {
    try {
      return await this.attempt.run(dir, entry);
    } catch (e) {
      this.deps.log.warn('notification attempt failed', { department: dir.config.id, report: entry.reportId, purpose: entry.purpose, ...errorFields(e) });
      return { ok: false, error: 'internal' };
    }
  }
}
