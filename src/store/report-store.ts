import type { ReportDeadline } from '../routing/deadlines.js';
import type { Transition } from '../routing/transition.js';
import type { AuditEvent, Notice, Report } from '../routing/types.js';
import { deadlineDoc } from './deadline-store.js';
import { updateDoc, type Doc, type PartitionStore, type Stored } from './docs.js';
import { noticeEntry, outboxEntry, type OutboxEntry } from './outbox-store.js';

/** What a transition owes besides the report itself: written after it, idempotently, until done. */
export interface Pending {
  events: AuditEvent[];
  notices: Notice[];
  deadlines?: ReportDeadline[];
}

type ReportDoc = Doc & Report & { kind: 'report'; pending: Pending | null };

export interface StoredReport {
  report: Report;
  etag: string;
  pending: Pending | null;
}

export type CommitResult = { ok: true; stored: StoredReport } | { ok: false; code: 'changed' | 'exists' };

/** Attempts to finish another writer's pending items before giving the caller whatever is there. */
const SETTLE_ATTEMPTS = 3;

function toDoc(t: Transition): ReportDoc {
  return { ...t.report, kind: 'report', pending: { events: t.events, notices: t.notices, deadlines: t.deadlines } };
}

/** The outbox entries a transition owes: its notices, and (after the first version) bringing earlier card copies up to date. */
function outboxOf(report: Report, notices: Notice[]): OutboxEntry[] {
  const at = report.updatedAt;
  const { id: reportId, departmentId, version } = report;
  const refresh = version > 1 ? [outboxEntry({ id: `${reportId}:${version}:refresh`, departmentId, reportId, version, purpose: 'refresh' }, at)] : [];
  return [...notices.map((n) => noticeEntry(n, at)), ...refresh];
}

/** The ids of the outbox entries a transition writes: what to send right after it, read by id. */
export function owedBy(t: Transition): string[] {
  return outboxOf(t.report, t.notices).map((e) => e.id);
}

function fromDoc(doc: Stored<ReportDoc>): StoredReport {
  const { kind, pending, _etag, ...report } = doc;
  return { report: report as Report, etag: _etag, pending };
}

/**
 * Reports with their append-only audit trail. A transition is one etag-checked replace of the report that
 * also carries its audit events, notices (outbox entries) and deadlines; those are then created under
 * deterministic ids, and the report's `pending` is cleared. A crash anywhere leaves either the old report (nothing happened) or the new
 * report with its pending items, which the next reader completes: nothing lost, nothing applied twice.
 */
export class ReportStore {
  constructor(private readonly docs: PartitionStore) {}

  async get(departmentId: string, id: string): Promise<StoredReport | undefined> {
    const doc = await this.docs.read<ReportDoc>(departmentId, id);
    return doc?.kind === 'report' ? fromDoc(doc) : undefined;
  }

  /** The report with any pending items of its last transition written out first. */
  async settled(departmentId: string, id: string): Promise<StoredReport | undefined> {
    let stored = await this.get(departmentId, id);
    for (let i = 0; stored?.pending && i < SETTLE_ATTEMPTS; i++) stored = await this.complete(stored);
    return stored;
  }

  async create(t: Transition): Promise<CommitResult> {
    const written = await this.docs.create(toDoc(t));
    if (!written.ok) return written;
    return { ok: true, stored: await this.complete({ report: t.report, etag: written.etag, pending: t }) };
  }

  /** Applies `t` only if the report is still exactly `prev`; otherwise someone else got there first. */
  async commit(prev: StoredReport, t: Transition): Promise<CommitResult> {
    const written = await this.docs.replace(toDoc(t), prev.etag);
    if (!written.ok) return written;
    return { ok: true, stored: await this.complete({ report: t.report, etag: written.etag, pending: t }) };
  }

  private async complete(stored: StoredReport): Promise<StoredReport> {
    const { events = [], notices = [], deadlines = [] } = stored.pending ?? {};
    const items: Doc[] = [
      ...events.map((e) => ({ ...e, kind: 'audit' })),
      ...outboxOf(stored.report, notices).map((e) => ({ ...e, kind: 'outbox' })),
      ...deadlines.map(deadlineDoc),
    ];
    // create, never upsert: an audit event once written is never rewritten; "exists" means a retry.
    await Promise.all(items.map((doc) => this.docs.create(doc)));
    const cleared = await this.docs.replace({ ...stored.report, kind: 'report', pending: null }, stored.etag);
    if (cleared.ok) return { report: stored.report, etag: cleared.etag, pending: null };
    return (await this.get(stored.report.departmentId, stored.report.id)) ?? stored;
  }

  /**
   * Every audit event of a report, oldest first, including any not yet written out. Read by id, never by a query:
   * a transition's event is `${reportId}:${version}:0`, and events outside transitions are listed in the report's event index.
   * `known`: the report as the caller just read it, so it is not read again.
   */
  async trail(departmentId: string, reportId: string, known?: StoredReport): Promise<AuditEvent[]> {
    const [stored, index] = await Promise.all([known ?? this.get(departmentId, reportId), this.docs.read<EventIndexDoc>(departmentId, eventIndexId(reportId))]);
    const versions = stored?.report.version ?? 0;
    const ids = [...Array.from({ length: versions }, (_, v) => `${reportId}:${v + 1}:0`), ...(index?.events ?? [])];
    const docs = await Promise.all(ids.map((id) => this.docs.read<Doc & AuditEvent>(departmentId, id)));
    const byId = new Map<string, AuditEvent>();
    for (const doc of docs) if (doc?.kind === 'audit') byId.set(doc.id, stripAudit(doc));
    for (const e of stored?.pending?.events ?? []) byId.set(e.id, e);
    return [...byId.values()].sort((a, b) => a.version - b.version || a.id.localeCompare(b.id));
  }

  /** The notices (new cards owed to members) the report's transitions wrote to the outbox. */
  async notices(departmentId: string, reportId: string): Promise<Notice[]> {
    const where = "c.kind = 'outbox' AND c.purpose = 'card' AND c.reportId = @reportId";
    const docs = await this.docs.query<Doc & Notice>(departmentId, where, { reportId });
    const notices = docs.map(({ id, departmentId: d, reportId: r, version, member, reason }) => ({ id, departmentId: d, reportId: r, version, member, reason }));
    return notices.sort((a, b) => a.version - b.version || a.id.localeCompare(b.id));
  }

  /**
   * An event outside a transition (a level handed to an acting supervisor): listed in the report's event index, then
   * created once under its own id, never rewritten. Listed first, so a crash in between leaves a listed event that is
   * not there yet (skipped by readers, created when the caller does it again), never an event no reader can find.
   */
  async appendEvent(event: AuditEvent): Promise<boolean> {
    await this.index(event.departmentId, event.reportId, event.id);
    return (await this.docs.create({ ...event, kind: 'audit' })).ok;
  }

  private index(departmentId: string, reportId: string, eventId: string): Promise<void> {
    return updateDoc<EventIndexDoc>(this.docs, departmentId, eventIndexId(reportId), (current) =>
      current?.events.includes(eventId) ? undefined : { id: eventIndexId(reportId), departmentId, kind: 'eventIndex', reportId, events: [...(current?.events ?? []), eventId] },
    );
  }
}

/** The ids of a report's audit events that no transition wrote, so the trail is read by id. */
type EventIndexDoc = Doc & { kind: 'eventIndex'; reportId: string; events: string[] };
const eventIndexId = (reportId: string) => `${reportId}:events`;

function stripAudit(doc: Stored<Doc & AuditEvent>): AuditEvent {
  const { kind, _etag, ...event } = doc;
  return event as AuditEvent;
}

const OPEN = "(c.state = 'pending' OR c.state = 'at_destination' OR c.state = 'with_contractor' OR c.state = 'returned')";

/** Read-side lists for "my reports" and "my inbox"; who may act is decided by the routing core, not here. */
export class ReportQueries {
  constructor(private readonly docs: PartitionStore) {}

  async filedBy(departmentId: string, reporter: string): Promise<Report[]> {
    const docs = await this.docs.query<ReportDoc>(departmentId, "c.kind = 'report' AND c.reporter = @reporter", { reporter });
    return docs.map((d) => fromDoc(d).report).sort(newestFirst);
  }

  async open(departmentId: string): Promise<Report[]> {
    return (await this.docs.query<ReportDoc>(departmentId, `c.kind = 'report' AND ${OPEN}`)).map((d) => fromDoc(d).report).sort(newestFirst);
  }
}

function newestFirst(a: Report, b: Report): number {
  return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}
