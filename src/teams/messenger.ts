import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { errorFields, type Logger } from '../log.js';
import type { ConversationStore } from '../store/conversation-store.js';

export type SendResult =
  | { sent: true; activityId: string; conversationId: string }
  | { sent: false; reason: 'unreachable' | 'failed' };

/** Proactive messages to a member's 1:1 chat, from the conversation reference stored when they last talked to the bot. */
export class Messenger {
  constructor(
    private readonly deps: { adapter: CloudAdapter; botAppId: string; conversations: ConversationStore; log: Logger },
  ) {}

  async canReach(departmentId: string, aadObjectId: string): Promise<boolean> {
    return (await this.deps.conversations.get(departmentId, aadObjectId)) !== undefined;
  }

  async send(departmentId: string, aadObjectId: string, activity: Partial<Activity>): Promise<SendResult> {
    const stored = await this.deps.conversations.get(departmentId, aadObjectId);
    if (!stored) return { sent: false, reason: 'unreachable' };
    const reference = stored.reference as Partial<ConversationReference>;
    try {
      let activityId = '';
      await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (ctx) => {
        activityId = (await ctx.sendActivity(activity))?.id ?? '';
      });
      return { sent: true, activityId, conversationId: reference.conversation?.id ?? '' };
    } catch (e) {
      this.deps.log.warn('proactive send failed', { department: departmentId, ...errorFields(e) });
      return { sent: false, reason: 'failed' };
    }
  }
}
