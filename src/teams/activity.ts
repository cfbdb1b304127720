import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Caller } from '../app/identify.js';

/** Who sent it, as Teams says: the tenant on the conversation (or channelData) and the user's AAD object id. */
export function callerOf(activity: Partial<Activity>): Caller {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  const tenantId = activity.conversation?.tenantId || fromChannel;
  const aadObjectId = activity.from?.aadObjectId;
  return { ...(tenantId ? { tenantId } : {}), ...(aadObjectId ? { aadObjectId } : {}) };
}

/** A 1:1 chat with the bot: the only place a report's card may be sent to proactively (channels are shared). */
export function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}

/** Without the message id: a proactive send must start a new message, not reply to whatever was said last. */
export function referenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  const { activityId, ...reference } = TurnContext.getConversationReference(activity);
  return reference;
}

/** The message text with the bot's @mention already removed by the Application. */
export function messageText(activity: Partial<Activity>): string {
  return (activity.text ?? '').replace(/<at>[^<]*<\/at>/gi, '').trim();
}
