import type { ConversationReference } from 'botbuilder';
import type { ReportViews } from '../app/report-view.js';
import type { Failure } from '../app/retry-policy.js';
import { reportCard } from '../cards/report-card.js';
import type { Directory } from '../routing/directory.js';
import type { Clock } from '../routing/ports.js';
import type { Member, NoticeReason, Report } from '../routing/types.js';
import type { ConversationRef, ConversationStore } from '../store/conversation-store.js';
import type { DeliveryStore } from '../store/delivery-store.js';
import { idPart, outboxEntry, type OutboxEntry, type OutboxStore } from '../store/outbox-store.js';
import type { ReportStore } from '../store/report-store.js';
import { cardActivity } from './card-activity.js';
import type { CardCopy, Transport } from './messenger.js';

export const HEADLINES: Record<NoticeReason, string> = {
  assigned: 'A report needs your action',
  informed: 'For your information: a report passed your level',
  notified_at_once: 'For your information: the policy says you are told at once',
  escalated: 'Escalated: a level did not act in time',
  status: 'Update on a report',
  reminder50: 'Reminder: half the time to act on this report has passed',
  reminder75: 'Reminder: three quarters of the time to act has passed; it escalates when it is due',
  overdue: 'Overdue: this report is past its due time',
  delegated: 'You are the acting supervisor: a report needs your action',
};

/** Reminders about a level that has since moved on are dropped, not sent late. */
const MOOT_ONCE_MOVED = new Set<NoticeReason>(['reminder50', 'reminder75', 'overdue']);

/** How one try went: sent (or settled with a note saying why nothing needed sending), or a failure to retry. */
/** `expanded`: the ids of the update entries a refresh wrote, due at once. */
export type Attempt = { ok: true; note?: string; expanded?: string[] } | ({ ok: false } & Failure);

export interface AttemptDeps {
  outbox: OutboxStore;
  deliveries: DeliveryStore;
  conversations: ConversationStore;
  reports: ReportStore;
  views: ReportViews;
  transport: Transport;
  clock: Clock;
}

function reference(ref: ConversationRef): Partial<ConversationReference> {
  return ref.reference as Partial<ConversationReference>;
}

/** The member's Teams user id, so the card refreshes for them (Universal Actions) whenever they look at it. */
function teamsUserId(ref: ConversationRef): string | undefined {
  return (ref.reference as { user?: { id?: unknown } }).user?.id as string | undefined;
}

/** One outbox entry, tried once; the caller claimed it and records the outcome. */
export class OutboxAttempt {
  constructor(private readonly deps: AttemptDeps) {}

  run(dir: Directory, entry: OutboxEntry): Promise<Attempt> {
    if (entry.purpose === 'refresh') return this.expand(entry);
    const member = dir.byId.get(entry.member);
    if (!member) return Promise.resolve({ ok: true, note: 'not_on_roster' });
    return entry.purpose === 'card' ? this.card(dir, member, entry) : this.update(dir, member, entry);
  }

  /** A new card, as the report stands now for this member, with the headline saying why it came. */
  private async card(dir: Directory, member: Member, entry: Extract<OutboxEntry, { purpose: 'card' }>): Promise<Attempt> {
    if (MOOT_ONCE_MOVED.has(entry.reason)) {
      const current = await this.deps.reports.get(dir.config.id, entry.reportId);
      if (current?.report.version !== entry.version) return { ok: true, note: 'moot' };
    }
    const ref = await this.deps.conversations.get(dir.config.id, member.aadObjectId);
    if (!ref) return { ok: false, error: 'unreachable' };
    const view = await this.deps.views.forViewer(dir.config.id, entry.reportId, member.aadObjectId);
    if (!view.ok) return { ok: true, note: 'not_readable' };
    const headline = HEADLINES[entry.reason];
    const userId = teamsUserId(ref);
    const card = reportCard(view.snapshot, { headline, ...(userId ? { refreshFor: userId } : {}) });
    const sent = await this.deps.transport.send(reference(ref), cardActivity(card, headline));
    if (!sent.ok) return sent;
    await this.remember(dir, member, view.snapshot.report, { conversationId: sent.conversationId, activityId: sent.activityId });
    return { ok: true };
  }

  /** An earlier copy replaced in place by the card as this member may see the report now. */
  private async update(dir: Directory, member: Member, entry: Extract<OutboxEntry, { purpose: 'update' }>): Promise<Attempt> {
    const ref = await this.deps.conversations.get(dir.config.id, member.aadObjectId);
    if (!ref) return { ok: false, error: 'unreachable' };
    const view = await this.deps.views.forViewer(dir.config.id, entry.reportId, member.aadObjectId);
    if (!view.ok) return { ok: true, note: 'not_readable' };
    const userId = teamsUserId(ref);
    const card = reportCard(view.snapshot, userId ? { refreshFor: userId } : {});
    const updated = await this.deps.transport.update(reference(ref), entry.target, cardActivity(card));
    if (!updated.ok) return updated;
    await this.remember(dir, member, view.snapshot.report, entry.target);
    return { ok: true };
  }

  /** A transition's refresh: one update for every copy sent before it, each then sent (and retried) on its own. */
  private async expand(entry: Extract<OutboxEntry, { purpose: 'refresh' }>): Promise<Attempt> {
    const { departmentId, reportId, version } = entry;
    const older = (await this.deps.deliveries.copies(departmentId, reportId)).filter((c) => c.version < version);
    const at = this.deps.clock.now().toISOString();
    const updates = older.map((c) => this.updateEntry(departmentId, reportId, version, c.member, c, at));
    await this.deps.outbox.enqueue(updates);
    return { ok: true, note: `${older.length} copies`, expanded: updates.map((u) => u.id) };
  }

  private updateEntry(departmentId: string, reportId: string, version: number, member: string, copy: CardCopy, at: string): OutboxEntry {
    const target = { conversationId: copy.conversationId, activityId: copy.activityId };
    return outboxEntry({ id: `${reportId}:${version}:update:${idPart(copy.activityId)}`, departmentId, reportId, version, purpose: 'update', member, target }, at);
  }

  /**
   * Records the copy for later updates. A transition that landed while it was in flight has already listed the
   * copies to update without this one, so it gets its own update, under the id that transition would have used.
   */
  private async remember(dir: Directory, member: Member, shown: Report, copy: CardCopy): Promise<void> {
    const departmentId = dir.config.id;
    await this.deps.deliveries.record({ departmentId, reportId: shown.id, version: shown.version, member: member.id, ...copy, at: this.deps.clock.now().toISOString() });
    const current = await this.deps.reports.get(departmentId, shown.id);
    if (!current || current.report.version <= shown.version) return;
    const at = this.deps.clock.now().toISOString();
    await this.deps.outbox.enqueue([this.updateEntry(departmentId, shown.id, current.report.version, member.id, copy, at)]);
  }
}
