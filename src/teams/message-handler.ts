import type { TurnContext } from 'botbuilder';
import { howToJoin, type Who } from '../app/identify.js';
import { followUpsCard } from '../cards/follow-ups-card.js';
import { helpCard } from '../cards/help-card.js';
import { reportFormCard } from '../cards/report-form-card.js';
import { messageText } from './activity.js';
import { citedMessage } from './cited-message.js';
import { delegateCommand } from './delegate-command.js';
import { COMMANDS, matchCommand, type Command } from './commands.js';
import { listCard } from './lists.js';
import { cardActivity } from './card-activity.js';
import { beginTurn, type TurnDeps } from './turn.js';

/** Forms the department has beyond the command list (Long Beach: unintended access to obscene material). */
function extraForms(who: Who) {
  const listed = new Set(COMMANDS.map((c) => c.formType));
  return who.dir.config.reportTypes.filter((t) => !listed.has(t.id)).map((t) => ({ type: t.id, label: t.label }));
}

export async function sendHelp(ctx: TurnContext, who: Who): Promise<void> {
  const forms = who.dir.config.reportTypes.map((t) => ({ type: t.id, label: t.label }));
  const joinHint = who.member ? undefined : howToJoin(who.dir);
  const card = helpCard({ departmentName: who.dir.config.name, ...(who.member ? { memberName: who.member.name } : {}), commands: [...COMMANDS], forms, ...(joinHint ? { joinHint } : {}) });
  await ctx.sendActivity(cardActivity(card, 'Policy Desk help'));
}

async function openForm(ctx: TurnContext, deps: TurnDeps, who: Who, type: string, details: string): Promise<void> {
  const opened = deps.services.filing.form(who, type, {}, details || undefined);
  await ctx.sendActivity(opened.ok ? cardActivity(reportFormCard(opened.form), opened.form.type.label) : opened.reason);
}

async function chain(ctx: TurnContext, deps: TurnDeps, who: Who): Promise<void> {
  const found = deps.services.listings.chain(who);
  if (!found.ok) return void (await ctx.sendActivity(found.reason));
  const lines = found.chain.map((m, i) => `${i + 1}. ${m.name}, ${m.title}`);
  await ctx.sendActivity(`Your chain of command, ${found.member.name}:\n\n${lines.join('\n\n') || 'You are at the top of it.'}`);
}

async function command(ctx: TurnContext, deps: TurnDeps, who: Who, cmd: Command, rest: string): Promise<void> {
  if (cmd.formType) return openForm(ctx, deps, who, cmd.formType, rest);
  switch (cmd.id) {
    case 'my-reports': return listCard(ctx, deps, who, 'mine');
    case 'my-inbox': return listCard(ctx, deps, who, 'inbox');
    case 'my-chain': return chain(ctx, deps, who);
    case 'delegate': return delegateCommand(ctx, deps, who, rest);
    default: return sendHelp(ctx, who);
  }
}

async function answer(ctx: TurnContext, deps: TurnDeps, who: Who, question: string): Promise<void> {
  const answered = deps.services.answers.answer(who, question);
  if (!answered.ok) return void (await ctx.sendActivity(answered.reason));
  const { answer: a, ...next } = answered.answered;
  const sent = await ctx.sendActivity(citedMessage(a));
  if (sent?.id) await deps.services.feedback.answered(who, sent.id, question, a);
  await ctx.sendActivity(cardActivity(followUpsCard(next), 'Next steps'));
}

/** A message: a command when it is one, otherwise a policy question. */
export async function onMessage(ctx: TurnContext, deps: TurnDeps): Promise<void> {
  const found = await beginTurn(ctx, deps, { deliverPending: true });
  if (!found.ok) return void (await ctx.sendActivity(found.reason));
  const { who } = found;
  const text = messageText(ctx.activity);
  if (text === '') return sendHelp(ctx, who);
  const matched = matchCommand(text, extraForms(who));
  if (!matched) return answer(ctx, deps, who, text);
  if ('command' in matched) return command(ctx, deps, who, matched.command, matched.rest);
  return openForm(ctx, deps, who, matched.formType, matched.rest);
}
