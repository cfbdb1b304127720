import type { TurnContext } from 'botbuilder';
import type { IdentifyOutcome, Who } from '../app/identify.js';
import type { BotServices } from '../compose.js';
import { errorFields, type Logger } from '../log.js';
import { callerOf, isPersonal, referenceOf } from './activity.js';
import type { Notifier } from './notifier.js';

/** What every handler is given: the use cases, and the proactive sender built on the adapter. */
export interface TurnDeps {
  services: BotServices;
  notifier: Notifier;
  log: Logger;
}

/** The member's 1:1 conversation, so the bot can reach them later; channels are never stored (reports are confidential). */
async function remember(ctx: TurnContext, deps: TurnDeps, who: Who): Promise<void> {
  if (!who.aadObjectId || !isPersonal(ctx.activity)) return;
  const reference = referenceOf(ctx.activity) as Record<string, unknown>;
  const updatedAt = deps.services.clock.now().toISOString();
  await deps.services.conversations.save({ departmentId: who.dir.config.id, aadObjectId: who.aadObjectId, reference, updatedAt });
}

/**
 * The start of every turn: who is asking, their conversation remembered, and (for messages) whatever the bot
 * owes them delivered first. A failed delivery is logged and retried on their next visit, never fatal.
 */
export async function beginTurn(ctx: TurnContext, deps: TurnDeps, opts: { deliverPending: boolean }): Promise<IdentifyOutcome> {
  const found = await deps.services.identify.who(callerOf(ctx.activity));
  if (!found.ok) return found;
  const { who } = found;
  await remember(ctx, deps, who);
  if (opts.deliverPending && who.member && isPersonal(ctx.activity)) {
    try {
      await deps.notifier.deliverPending(who.dir, who.member);
    } catch (e) {
      deps.log.warn('pending notices not delivered', { department: who.dir.config.id, ...errorFields(e) });
    }
  }
  return found;
}
