import type { MemberId, Notice, NoticeReason } from '../routing/types.js';
import type { Doc, PartitionStore, Stored } from './docs.js';

export type OutboxState = 'pending' | 'sent' | 'dead';

interface EntryBase {
  id: string;
  departmentId: string;
  reportId: string;
  /** The report version that owed it. */
  version: number;
  state: OutboxState;
  /** Tries so far, counting the one in progress. */
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  /** A sender working on it holds it until then; '' when nobody does. A sender that dies simply lets it lapse. */
  leaseUntil: string;
  /** A code, never a message: "unreachable", "http_429", "network". */
  lastError?: string;
  sentAt?: string;
  /** Why it was settled without a send, e.g. the member may no longer read the report. */
  note?: string;
}

/**
 * A message owed: a new card to a member (`card`), every earlier copy of the report's card to be brought up to
 * date (`refresh`, expanded by the sender into one `update` per copy), or one copy's in-place update.
 */
export type OutboxEntry =
  | (EntryBase & { purpose: 'card'; member: MemberId; reason: NoticeReason })
  | (EntryBase & { purpose: 'refresh' })
  | (EntryBase & { purpose: 'update'; member: MemberId; target: { conversationId: string; activityId: string } });

type OutboxDoc = Doc & OutboxEntry & { kind: 'outbox' };

/**
 * "Something could not be sent to this member": written when a send to them fails, read by id on each of their turns,
 * so a turn only looks for what is owed (a query) when there is something to find.
 */
interface OwedMarkerDoc extends Doc {
  kind: 'owedMarker';
  member: MemberId;
  owed: boolean;
  at: string;
}

/** What a member is owed, and the marker that said so (cleared once it is all handled). */
export interface Owed {
  entries: Stored<OutboxEntry>[];
  marker?: string;
}

const markerId = (member: MemberId) => `owed:${member}`;
const markerDoc = (departmentId: string, member: MemberId, owed: boolean, at: Date): OwedMarkerDoc => ({
  id: markerId(member), departmentId, kind: 'owedMarker', member, owed, at: at.toISOString(),
});

export interface ClaimedEntry {
  entry: OutboxEntry;
  etag: string;
}

type NewEntry = { id: string; departmentId: string; reportId: string; version: number } & (
  | { purpose: 'card'; member: MemberId; reason: NoticeReason }
  | { purpose: 'refresh' }
  | { purpose: 'update'; member: MemberId; target: { conversationId: string; activityId: string } }
);

/** A fresh entry, due at once. */
export function outboxEntry(e: NewEntry, at: string): OutboxEntry {
  return { ...e, state: 'pending', attempts: 0, createdAt: at, nextAttemptAt: at, leaseUntil: '' } as OutboxEntry;
}

export function noticeEntry(n: Notice, at: string): OutboxEntry {
  const { id, departmentId, reportId, version, member, reason } = n;
  return outboxEntry({ id, departmentId, reportId, version, purpose: 'card', member, reason }, at);
}

/** Cosmos ids may not hold / \ ? #; Teams activity ids may. */
export function idPart(value: string): string {
  return value.replace(/[/\\?#]/g, '_');
}

function strip(doc: Stored<OutboxDoc>): OutboxEntry {
  const { kind, _etag, ...entry } = doc;
  return entry as OutboxEntry;
}

/** The entry with the etag it was read at. */
const stored = (doc: Stored<OutboxDoc>): Stored<OutboxEntry> => ({ ...strip(doc), _etag: doc._etag });

const byDue = (a: OutboxEntry, b: OutboxEntry) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id);

/**
 * Every notification goes through here. Entries have deterministic ids, so whatever owes one can write it again
 * without sending twice; a sender claims an entry (etag-checked lease) before it sends, and records the outcome.
 */
export class OutboxStore {
  constructor(private readonly docs: PartitionStore) {}

  /** Creates what is not there yet; an entry already written (by a retry, or another instance) is left as it is. */
  async enqueue(entries: OutboxEntry[]): Promise<void> {
    await Promise.all(entries.map((e) => this.docs.create({ ...e, kind: 'outbox' })));
  }

  async get(departmentId: string, id: string): Promise<Stored<OutboxEntry> | undefined> {
    const doc = await this.docs.read<OutboxDoc>(departmentId, id);
    return doc?.kind === 'outbox' ? stored(doc) : undefined;
  }

  /** These entries, those of them due by `now` that nobody holds, in the order given: what a use case just wrote, read by id. */
  async dueAmong(departmentId: string, ids: string[], now: Date): Promise<Stored<OutboxEntry>[]> {
    const at = now.toISOString();
    const entries = await Promise.all(ids.map((id) => this.get(departmentId, id)));
    return entries.filter((e): e is Stored<OutboxEntry> => !!e && e.state === 'pending' && e.nextAttemptAt <= at && e.leaseUntil <= at);
  }

  async due(departmentId: string, now: Date, reportId?: string): Promise<Stored<OutboxEntry>[]> {
    const where = "c.kind = 'outbox' AND c.state = 'pending' AND c.nextAttemptAt <= @now AND c.leaseUntil <= @now";
    const params = { now: now.toISOString(), ...(reportId ? { reportId } : {}) };
    const docs = await this.docs.query<OutboxDoc>(departmentId, reportId ? `${where} AND c.reportId = @reportId` : where, params);
    return docs.map(stored).sort(byDue);
  }

  /** What a member is owed now that they talk to the bot: pending whatever its schedule, and what died only for want of a chat. */
  async owedTo(departmentId: string, member: MemberId, now: Date): Promise<Stored<OutboxEntry>[]> {
    const where = "c.kind = 'outbox' AND c.member = @member AND c.leaseUntil <= @now AND (c.state = 'pending' OR (c.state = 'dead' AND c.lastError = 'unreachable'))";
    const docs = await this.docs.query<OutboxDoc>(departmentId, where, { member, now: now.toISOString() });
    return docs.map(stored).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** Marks the member as owed something; written after the entry's failure is recorded, so a reader who sees the mark finds it. */
  async markOwed(departmentId: string, member: MemberId, at: Date): Promise<void> {
    await this.docs.upsert(markerDoc(departmentId, member, true, at));
  }

  /** One point read when nothing is owed (the usual turn); the query for what is owed only when the member is marked. */
  async owed(departmentId: string, member: MemberId, now: Date): Promise<Owed> {
    const marker = await this.docs.read<OwedMarkerDoc>(departmentId, markerId(member));
    if (!marker?.owed) return { entries: [] };
    return { entries: await this.owedTo(departmentId, member, now), marker: marker._etag };
  }

  /** Clears the mark unless another failure marked the member again since it was read (then the next turn looks again). */
  async clearOwed(departmentId: string, member: MemberId, marker: string, at: Date): Promise<boolean> {
    return (await this.docs.replace(markerDoc(departmentId, member, false, at), marker)).ok;
  }

  /** The entry is this caller's to send until the lease ends; undefined when another sender got there first. */
  async claim(stored: Stored<OutboxEntry>, now: Date, leaseMs: number): Promise<ClaimedEntry | undefined> {
    const { _etag, ...entry } = stored;
    const claimed: OutboxEntry = { ...entry, state: 'pending', attempts: entry.attempts + 1, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
    const written = await this.docs.replace({ ...claimed, kind: 'outbox' }, _etag);
    return written.ok ? { entry: claimed, etag: written.etag } : undefined;
  }

  /** Records how the attempt ended; false when the lease was lost meanwhile (the other sender's outcome stands). */
  async settle(claimed: ClaimedEntry, outcome: Pick<EntryBase, 'state' | 'nextAttemptAt'> & Partial<EntryBase>): Promise<boolean> {
    const settled = { ...claimed.entry, ...outcome, leaseUntil: '' };
    return (await this.docs.replace({ ...settled, kind: 'outbox' }, claimed.etag)).ok;
  }

  async forReport(departmentId: string, reportId: string): Promise<OutboxEntry[]> {
    const docs = await this.docs.query<OutboxDoc>(departmentId, "c.kind = 'outbox' AND c.reportId = @reportId", { reportId });
    return docs.map(strip).sort((a, b) => a.version - b.version || a.id.localeCompare(b.id));
  }

  /** For the admin: by state, oldest first. */
  async list(departmentId: string, state?: OutboxState): Promise<OutboxEntry[]> {
    const docs = state
      ? await this.docs.query<OutboxDoc>(departmentId, "c.kind = 'outbox' AND c.state = @state", { state })
      : await this.docs.query<OutboxDoc>(departmentId, "c.kind = 'outbox'");
    return docs.map(strip).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
