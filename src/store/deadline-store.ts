import type { Deadline } from '../routing/deadlines.js';
import type { Doc, PartitionStore, Stored } from './docs.js';

export type DeadlineState = 'pending' | 'claimed' | 'done';

/** A deadline as stored: who is firing it, until when, and how it ended. */
export type StoredDeadline = Deadline & {
  state: DeadlineState;
  /** The lease of whoever claimed it; '' until claimed. A claim past its lease may be taken over. */
  leaseUntil: string;
  claimedBy?: string;
  attempts: number;
  outcome?: string;
  doneAt?: string;
};

type DeadlineDoc = Doc & StoredDeadline & { kind: 'deadline' };

export interface ClaimedDeadline {
  deadline: StoredDeadline;
  etag: string;
}

export function deadlineDoc(d: Deadline): Doc {
  return { ...d, kind: 'deadline', state: 'pending', leaseUntil: '', attempts: 0 };
}

function strip(doc: Stored<DeadlineDoc>): StoredDeadline {
  const { kind, _etag, ...d } = doc;
  return d as StoredDeadline;
}

/**
 * Deadlines in the department's partition. Firing one is: claim it (an etag-checked replace that takes a lease),
 * do its idempotent effect, mark it done. Two sweepers cannot both hold a claim; one that dies leaves a lease that
 * expires, and the next sweep finishes its work.
 */
export class DeadlineStore {
  constructor(private readonly docs: PartitionStore) {}

  async add(d: Deadline): Promise<void> {
    await this.docs.create(deadlineDoc(d));
  }

  async get(departmentId: string, id: string): Promise<Stored<StoredDeadline> | undefined> {
    const doc = await this.docs.read<DeadlineDoc>(departmentId, id);
    return doc?.kind === 'deadline' ? { ...strip(doc), _etag: doc._etag } : undefined;
  }

  /** Everything due by `now` that nobody holds a live lease on, soonest first. */
  async due(departmentId: string, now: Date): Promise<Stored<StoredDeadline>[]> {
    const where = "c.kind = 'deadline' AND (c.state = 'pending' OR c.state = 'claimed') AND c.fireAt <= @now AND c.leaseUntil <= @now";
    const docs = await this.docs.query<DeadlineDoc>(departmentId, where, { now: now.toISOString() });
    return docs.map((d) => ({ ...strip(d), _etag: d._etag })).sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.id.localeCompare(b.id));
  }

  async claim(stored: Stored<StoredDeadline>, by: string, now: Date, leaseMs: number): Promise<ClaimedDeadline | undefined> {
    const { _etag, ...d } = stored;
    const claimed: StoredDeadline = { ...d, state: 'claimed', claimedBy: by, attempts: d.attempts + 1, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
    const written = await this.docs.replace({ ...claimed, kind: 'deadline' }, _etag);
    return written.ok ? { deadline: claimed, etag: written.etag } : undefined;
  }

  /** False when the lease ran out and another sweeper took the deadline over; its effect is the same, so nothing is lost. */
  async finish(claimed: ClaimedDeadline, outcome: string, now: Date): Promise<boolean> {
    const done: StoredDeadline = { ...claimed.deadline, state: 'done', outcome, doneAt: now.toISOString(), leaseUntil: '' };
    return (await this.docs.replace({ ...done, kind: 'deadline' }, claimed.etag)).ok;
  }

  async forReport(departmentId: string, reportId: string): Promise<StoredDeadline[]> {
    const docs = await this.docs.query<DeadlineDoc>(departmentId, "c.kind = 'deadline' AND c.reportId = @reportId", { reportId });
    return docs.map(strip).sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.id.localeCompare(b.id));
  }
}
