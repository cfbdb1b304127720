import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { FeedbackLoopData } from '@microsoft/teams-ai';
import { noticeCard } from '../cards/notice-card.js';
import { errorFields, type Logger } from '../log.js';
import { callerOf } from './activity.js';
import { sendHelp } from './message-handler.js';
import { beginTurn, type TurnDeps } from './turn.js';

const INVOKE_RESPONSE = 'invokeResponse';

async function respondWithCard(ctx: TurnContext, card: ReturnType<typeof noticeCard>): Promise<void> {
  const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  await ctx.sendActivity({ type: INVOKE_RESPONSE, value: { status: 200, body } });
}

/** Installed, or someone joined: remember their chat, deliver what is owed, and say hello when it is the bot that was added. */
export async function onMembersAdded(ctx: TurnContext, deps: TurnDeps): Promise<void> {
  const found = await beginTurn(ctx, deps, { deliverPending: true });
  const botAdded = (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient?.id);
  if (!botAdded) return;
  await (found.ok ? sendHelp(ctx, found.who) : ctx.sendActivity(found.reason));
}

/** A card from an older version, or made up: say so instead of failing. */
export async function onUnknownVerb(ctx: TurnContext): Promise<void> {
  await respondWithCard(ctx, noticeCard('Nothing was changed', 'Policy Desk does not know this button. It may come from an older card: type "help" to start again.'));
}

export function isCardAction(ctx: TurnContext): Promise<boolean> {
  return Promise.resolve(ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === 'adaptiveCard/action');
}

/** Teams sends the optional comment as a JSON string: {"feedbackText": "…"}. */
function feedbackText(raw: unknown): string {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  const text = (value as { feedbackText?: unknown } | null)?.feedbackText;
  return typeof text === 'string' ? text : '';
}

export async function onFeedback(ctx: TurnContext, deps: TurnDeps, data: FeedbackLoopData): Promise<void> {
  const reaction = data.actionValue?.reaction;
  if ((reaction !== 'like' && reaction !== 'dislike') || !data.replyToId) return;
  const found = await deps.services.identify.who(callerOf(ctx.activity));
  if (!found.ok) return;
  await deps.services.feedback.vote(found.who, data.replyToId, reaction, feedbackText(data.actionValue.feedback));
}

/** The one error boundary for turns: log ids and codes, tell the user briefly, never show a stack trace. */
export function onTurnError(log: Logger) {
  return async (ctx: TurnContext, error: Error): Promise<void> => {
    log.error('turn failed', { type: ctx.activity.type, name: ctx.activity.name, activity: ctx.activity.id, ...errorFields(error) });
    if (ctx.activity.type === ActivityTypes.Invoke) {
      if (ctx.activity.name === 'adaptiveCard/action') await respondWithCard(ctx, noticeCard('Something went wrong', 'Policy Desk could not finish this. Please try again in a moment.'));
      else await ctx.sendActivity({ type: INVOKE_RESPONSE, value: { status: 500 } });
      return;
    }
    await ctx.sendActivity('Something went wrong on my side. Please try again in a moment.');
  };
}
