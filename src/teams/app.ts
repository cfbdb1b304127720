import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { VERBS } from '../cards/verbs.js';
import type { BotServices } from '../compose.js';
import type { Logger } from '../log.js';
import { actOnReport, cardRoute, openForm, submitReport, viewReport } from './card-handlers.js';
import { onMessage } from './message-handler.js';
import type { Notifier } from './notifier.js';
import { isCardAction, onFeedback, onMembersAdded, onTurnError, onUnknownVerb } from './other-handlers.js';
import type { TurnDeps } from './turn.js';

/**
 * The teams-ai Application: routes by activity type and card verb to thin handlers. No turn-state storage is
 * configured, so the SDK keeps nothing between turns; everything the product relies on is in Cosmos DB.
 */
export function createBotApp(opts: { adapter: TeamsAdapter; botAppId: string; services: BotServices; notifier: Notifier; log: Logger }): Application {
  const { adapter, botAppId, services, notifier, log } = opts;
  const deps: TurnDeps = { services, notifier, log };
  const app = new Application({ adapter, botAppId, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  app.activity(ActivityTypes.Message, (ctx) => onMessage(ctx, deps));
  app.conversationUpdate('membersAdded', (ctx) => onMembersAdded(ctx, deps));
  app.adaptiveCards.actionExecute(VERBS.openForm, cardRoute(deps, openForm));
  app.adaptiveCards.actionExecute(VERBS.submitReport, cardRoute(deps, submitReport));
  app.adaptiveCards.actionExecute(VERBS.act, cardRoute(deps, actOnReport));
  app.adaptiveCards.actionExecute(VERBS.view, cardRoute(deps, viewReport));
  // After the verbs above: invoke routes match in the order they were added.
  app.addRoute(isCardAction, (ctx) => onUnknownVerb(ctx), true);
  app.feedbackLoop((ctx, _state, data) => onFeedback(ctx, deps, data));
  app.error(onTurnError(log));
  return app;
}
