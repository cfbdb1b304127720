import type { Directory } from '../routing/directory.js';
import type { Member, Report } from '../routing/types.js';
import type { OutboxSender } from './outbox-sender.js';

/** What the handlers ask of delivery; everything goes through the outbox. */
export class Notifier {
  constructor(private readonly deps: { sender: OutboxSender }) {}

  /**
   * Sends what the transition owes now (`owed`, its outbox entries, read by id), or when that is not known, whatever
   * the report's outbox has due; returns the members who could not be reached, so the actor can be told.
   */
  async afterTransition(dir: Directory, report: Report, owed?: string[]): Promise<Member[]> {
    const summary = owed ? await this.deps.sender.sendEntries(dir, owed) : await this.deps.sender.sendDue(dir.config.id, report.id);
    return [...new Set(summary.unreachable)].flatMap((id) => dir.byId.get(id) ?? []);
  }

  /** Whatever the department's outbox holds that is due now. */
  async flush(dir: Directory): Promise<void> {
    await this.deps.sender.sendDue(dir.config.id);
  }

  /** Everything still owed to a member, oldest first: called when they next talk to the bot. */
  async deliverPending(dir: Directory, member: Member): Promise<void> {
    await this.deps.sender.sendOwed(dir, member);
  }
}
