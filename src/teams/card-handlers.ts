import type { TurnContext } from 'botbuilder';
import type { ActingOutcome } from '../app/act-on-report.js';
import type { Who } from '../app/identify.js';
import type { ReportSnapshot } from '../app/report-view.js';
import type { AdaptiveCard } from '../cards/card.js';
import { ACTION_DONE, STATE_LABELS } from '../cards/labels.js';
import { noticeCard } from '../cards/notice-card.js';
import { reportCard } from '../cards/report-card.js';
import { reportFormCard } from '../cards/report-form-card.js';
import type { Member } from '../routing/types.js';
import { isPersonal } from './activity.js';
import { asData, parseAct, parseOpenForm, parseSubmit, parseView, type Parsed } from './card-data.js';
import { beginTurn, type TurnDeps } from './turn.js';

type Handler = (ctx: TurnContext, deps: TurnDeps, who: Who, data: Record<string, unknown>) => Promise<AdaptiveCard>;

const refused = (reason: string) => noticeCard('Nothing was changed', reason);

function holderName(s: ReportSnapshot): string | undefined {
  const step = s.report.route.steps[s.report.step];
  return step && (s.dir.byId.get(step.member)?.name ?? step.member);
}

function unreachableNote(missed: Member[]): string {
  if (missed.length === 0) return '';
  const names = missed.map((m) => m.name).join(', ');
  return ` ${names} ${missed.length === 1 ? 'has' : 'have'} not opened Policy Desk in Teams yet; it will reach them as soon as they do.`;
}

/** Remembers which message holds this member's copy of the card, for in-place updates later (1:1 chats only: reports are confidential). */
async function recordCopy(ctx: TurnContext, deps: TurnDeps, s: ReportSnapshot): Promise<void> {
  const activityId = ctx.activity.replyToId;
  if (!activityId || !isPersonal(ctx.activity)) return;
  await deps.services.deliveries.record({
    departmentId: s.dir.config.id, reportId: s.report.id, version: s.report.version, member: s.viewer.id,
    conversationId: ctx.activity.conversation?.id ?? '', activityId, at: deps.services.clock.now().toISOString(),
  });
}

export const openForm: Handler = async (_ctx, deps, who, data) => {
  const parsed = parseOpenForm(data);
  if (!parsed.ok) return refused(parsed.reason);
  const opened = deps.services.filing.form(who, parsed.value.type, parsed.value.prefill);
  return opened.ok ? reportFormCard(opened.form) : refused(opened.reason);
};

export const submitReport: Handler = async (ctx, deps, who, data) => {
  const parsed = parseSubmit(data);
  if (!parsed.ok) return refused(parsed.reason);
  const filed = await deps.services.filing.submit(who, parsed.value);
  if (!filed.ok) return 'form' in filed ? reportFormCard(filed.form) : refused(filed.reason);
  const { snapshot } = filed;
  // A resubmitted form (a retry) owes nothing new; what the first submit queued may still be waiting, so look.
  const missed = await deps.notifier.afterTransition(snapshot.dir, snapshot.report, filed.replayed ? undefined : filed.owed);
  await recordCopy(ctx, deps, snapshot);
  const text = `Filed. Your reference is ${snapshot.report.id}. It is with ${holderName(snapshot) ?? 'the first level of its route'}.${unreachableNote(missed)}`;
  return reportCard(snapshot, { headline: 'Report filed', notice: { text, tone: 'good' } });
};

function actedCard(outcome: ActingOutcome & { ok: true }, missed: Member[]): AdaptiveCard {
  const s = outcome.snapshot;
  const by = s.dir.byId.get(outcome.report.lastTransition.by)?.name ?? 'You';
  const where = s.report.state === 'pending' || s.report.state === 'at_destination' ? ` It is now with ${holderName(s)}.` : '';
  const text = `${outcome.replayed ? 'Already done: ' : ''}${by} ${ACTION_DONE[outcome.report.lastTransition.action]}. ${STATE_LABELS[s.report.state]}.${where}${unreachableNote(missed)}`;
  return reportCard(s, { notice: { text, tone: 'good' } });
}

export const actOnReport: Handler = async (ctx, deps, who, data) => {
  const parsed = parseAct(data);
  if (!parsed.ok) return refused(parsed.reason);
  const outcome = await deps.services.acting.act(who, parsed.value);
  if (!outcome.ok) return outcome.snapshot ? reportCard(outcome.snapshot, { notice: { text: outcome.reason, tone: 'attention' } }) : refused(outcome.reason);
  const missed = outcome.replayed ? [] : await deps.notifier.afterTransition(outcome.snapshot.dir, outcome.report, outcome.owed);
  await recordCopy(ctx, deps, outcome.snapshot);
  return actedCard(outcome, missed);
};

/**
 * Also what Teams calls when a card sent with `refresh` is seen: each viewer gets the buttons their role allows
 * now. Answers carry no `refresh` of their own: teams-ai 1.7 would then also PUT the card over the message for
 * everyone in the chat (and keep doing so for the verb), while copies are kept current by the outbox instead.
 */
export const viewReport: Handler = async (_ctx, deps, who, data) => {
  const parsed: Parsed<{ reportId: string }> = parseView(data);
  if (!parsed.ok) return refused(parsed.reason);
  const outcome = await deps.services.acting.view(who, parsed.value.reportId);
  return outcome.ok ? reportCard(outcome.snapshot) : refused(outcome.reason);
};

/** Card data is the client's: whoever clicked is who Teams says, and any failure becomes a card, never a stack trace. */
export function cardRoute(deps: TurnDeps, handler: Handler) {
  return async (ctx: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard> => {
    const found = await beginTurn(ctx, deps, { deliverPending: false });
    if (!found.ok) return refused(found.reason);
    return handler(ctx, deps, found.who, asData(data));
  };
}
