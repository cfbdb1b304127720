import { recipientFor } from '../routing/authority.js';
import type { DeadlineType, ReportDeadline } from '../routing/deadlines.js';
import type { Directory } from '../routing/directory.js';
import type { Clock } from '../routing/ports.js';
import type { MemberId, NoticeReason, Report } from '../routing/types.js';
import type { DeadlineStore, StoredDeadline } from '../store/deadline-store.js';
import type { DirectoryStore } from '../store/directory-store.js';
import type { Stored } from '../store/docs.js';
import { outboxEntry, type OutboxStore } from '../store/outbox-store.js';
import type { ReportStore } from '../store/report-store.js';
import { rerouteToDelegate, type RerouteDeps } from './reroute.js';
import type { ReportDesk } from './reports.js';

export type FiredOutcome = 'reminded' | 'escalated' | 'overdue' | 'rerouted' | 'stale' | 'superseded' | 'gone' | 'failed';

/** One deadline fired: what it was for and what came of it (ids only, for logs and the admin's JSON lines). */
export interface Fired {
  department: string;
  deadline: string;
  type: DeadlineType;
  report?: string;
  outcome: FiredOutcome;
  /** The level that missed its SLA or was reminded. */
  from?: MemberId;
  /** Who now holds the report, was reminded, or acts for the delegator; or how many reports moved to them. */
  to?: MemberId;
  count?: number;
  /** On `failed`: the error's kind. The deadline stays claimed until its lease ends, then it is tried again. */
  error?: string;
}

type Effect = Omit<Fired, 'department' | 'deadline' | 'type'>;

/** Long enough for any one deadline's effect; a sweeper that dies holds it no longer than this. */
export const DEADLINE_LEASE_MS = 2 * 60_000;

export interface SweeperDeps extends RerouteDeps {
  directory: DirectoryStore;
  reports: ReportStore;
  deadlines: DeadlineStore;
  outbox: OutboxStore;
  desk: ReportDesk;
  clock: Clock;
  /** Names this sweeper in the claims it takes. */
  instance: string;
  leaseMs?: number;
}

function failed(d: StoredDeadline, e: unknown): Fired {
  const report = d.type === 'delegation' ? {} : { report: d.reportId };
  return { department: d.departmentId, deadline: d.id, type: d.type, ...report, outcome: 'failed', error: e instanceof Error ? e.name : 'error' };
}

const REMINDER_REASON: Record<'reminder50' | 'reminder75', NoticeReason> = { reminder50: 'reminder50', reminder75: 'reminder75' };

/**
 * Fires what is due in a department: reminders, escalations, delegations that start. Each deadline is claimed
 * first (an etag-checked lease), so two sweepers never both fire it; every effect has ids derived from the
 * deadline's, so a sweeper that dies after its claim leaves work the next one finishes, once the lease expires,
 * without doing any of it twice.
 */
export class DeadlineSweeper {
  constructor(private readonly deps: SweeperDeps) {}

  async sweep(departmentId: string): Promise<Fired[]> {
    const now = this.deps.clock.now();
    const fired: Fired[] = [];
    for (const due of await this.deps.deadlines.due(departmentId, now)) {
      // One deadline that cannot be fired (storage trouble, a bug) must not hold up the others.
      const one = await this.fire(due, now).catch((e: unknown) => failed(due, e));
      if (one) fired.push(one);
    }
    return fired;
  }

  /** Undefined when another sweeper holds the deadline. */
  async fire(due: Stored<StoredDeadline>, now: Date): Promise<Fired | undefined> {
    const claimed = await this.deps.deadlines.claim(due, this.deps.instance, now, this.deps.leaseMs ?? DEADLINE_LEASE_MS);
    if (!claimed) return undefined;
    const d = claimed.deadline;
    const effect = d.type === 'delegation' ? await this.delegationStarts(d, now) : await this.reportDeadline(d, now);
    await this.deps.deadlines.finish(claimed, effect.outcome, now);
    return { department: d.departmentId, deadline: d.id, type: d.type, ...effect };
  }

  private async delegationStarts(d: Extract<StoredDeadline, { type: 'delegation' }>, now: Date): Promise<Effect> {
    const count = await rerouteToDelegate(this.deps, d.departmentId, d.delegation, now);
    return { outcome: 'rerouted', from: d.delegation.member, to: d.delegation.delegate, count };
  }

  private async reportDeadline(d: ReportDeadline, now: Date): Promise<Effect> {
    const dir = await this.deps.directory.directory(d.departmentId);
    const stored = await this.deps.reports.settled(d.departmentId, d.reportId);
    if (!dir || !stored) return { report: d.reportId, outcome: 'gone' };
    const { report } = stored;
    // The desk tells a replay (a sweeper that died after escalating) from a level that moved on by itself.
    if (d.type === 'escalate') return this.escalate(dir, report, d);
    if (report.version !== d.version) return { report: d.reportId, outcome: 'stale' };
    // The due time has passed too: the escalation says more than a reminder would.
    if (report.dueAt !== null && now.getTime() >= Date.parse(report.dueAt)) return { report: d.reportId, outcome: 'superseded' };
    const to = await this.tell(dir, report, d, REMINDER_REASON[d.type], now);
    return { report: d.reportId, outcome: 'reminded', from: d.member, to };
  }

  private async escalate(dir: Directory, report: Report, d: ReportDeadline): Promise<Effect> {
    const done = await this.deps.desk.act({
      departmentId: d.departmentId, reportId: d.reportId, actor: 'system', action: 'escalate', expectedVersion: d.version, commandId: `deadline:${d.id}`,
    });
    if (done.ok) return { report: d.reportId, outcome: 'escalated', from: d.member, to: done.report.route.steps[done.report.step]!.member };
    if (done.code !== 'nowhere_to_escalate') return { report: d.reportId, outcome: 'stale' };
    const to = await this.tell(dir, report, d, 'overdue', this.deps.clock.now());
    return { report: d.reportId, outcome: 'overdue', from: d.member, to };
  }

  /** A card to whoever acts for the level now; the id comes from the deadline's, so a second firing adds nothing. */
  private async tell(dir: Directory, report: Report, d: ReportDeadline, reason: NoticeReason, now: Date): Promise<MemberId> {
    const member = recipientFor(dir, report, d.member, now);
    const entry = outboxEntry(
      { id: `${d.id}:notice:${member}`, departmentId: d.departmentId, reportId: d.reportId, version: d.version, purpose: 'card', member, reason },
      now.toISOString(),
    );
    await this.deps.outbox.enqueue([entry]);
    return member;
  }
}
