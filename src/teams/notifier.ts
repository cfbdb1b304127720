import { MessageFactory, CardFactory, type Activity } from 'botbuilder';
import type { ReportViews } from '../app/report-view.js';
import type { AdaptiveCard } from '../cards/card.js';
import { reportCard } from '../cards/report-card.js';
import type { Directory } from '../routing/directory.js';
import type { Clock } from '../routing/ports.js';
import type { Member, Notice, NoticeReason, Report } from '../routing/types.js';
import type { NoticeStore } from '../store/notice-store.js';
import type { Messenger } from './messenger.js';

const HEADLINES: Record<NoticeReason, string> = {
  assigned: 'A report needs your action',
  informed: 'For your information: a report passed your level',
  notified_at_once: 'For your information: the policy says you are told at once',
  escalated: 'Escalated to you: a level did not act in time',
  status: 'Update on a report',
};

export function cardActivity(card: AdaptiveCard, summary?: string): Partial<Activity> {
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), ...(summary ? { summary } : {}) };
}

/**
 * Delivers what a transition owes: each stored notice (claimed first, so it is sent once) and the reporter's
 * status. A member the bot cannot reach yet keeps the notice until their next message.
 */
export class Notifier {
  constructor(private readonly deps: { notices: NoticeStore; views: ReportViews; messenger: Messenger; clock: Clock }) {}

  /** Returns the members who could not be reached, so the actor can be told. */
  async afterTransition(dir: Directory, report: Report, actor: Member): Promise<Member[]> {
    const owed = await this.deps.notices.unsentAt(dir.config.id, report.id, report.version);
    const missed: Member[] = [];
    for (const notice of owed) {
      const member = dir.byId.get(notice.member);
      if (member && !(await this.deliver(dir, member, notice))) missed.push(member);
    }
    const reporter = dir.byId.get(report.reporter);
    if (reporter && reporter.id !== actor.id && !owed.some((n) => n.member === reporter.id)) await this.sendCard(dir, reporter, report, 'status');
    return missed;
  }

  /** Everything still owed to a member, oldest first: called when they next talk to the bot. */
  async deliverPending(dir: Directory, member: Member): Promise<void> {
    for (const notice of await this.deps.notices.unsentFor(dir.config.id, member.id)) await this.deliver(dir, member, notice);
  }

  private async deliver(dir: Directory, member: Member, notice: Notice): Promise<boolean> {
    if (!(await this.deps.messenger.canReach(dir.config.id, member.aadObjectId))) return false;
    if (!(await this.deps.notices.claim(notice, this.deps.clock.now()))) return true;
    const sent = await this.sendCard(dir, member, { id: notice.reportId, version: notice.version }, notice.reason);
    if (!sent) await this.deps.notices.release(notice);
    return sent;
  }

  /** The report as it stands now, as this member may see it; a report they may no longer read is simply not sent. */
  private async sendCard(dir: Directory, member: Member, report: Pick<Report, 'id' | 'version'>, reason: NoticeReason): Promise<boolean> {
    const view = await this.deps.views.forViewer(dir.config.id, report.id, member.aadObjectId);
    if (!view.ok) return true;
    const card = reportCard(view.snapshot, { headline: HEADLINES[reason] });
    const result = await this.deps.messenger.send(dir.config.id, member.aadObjectId, cardActivity(card, HEADLINES[reason]));
    if (!result.sent) return false;
    await this.deps.notices.recordDelivery({
      departmentId: dir.config.id, reportId: report.id, version: view.snapshot.report.version, member: member.id,
      conversationId: result.conversationId, activityId: result.activityId, at: this.deps.clock.now().toISOString(),
    });
    return true;
  }
}
