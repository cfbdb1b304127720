import { routeAuthority, type RouteAuthority } from './authority.js';
import { deadlinesFor } from './deadlines.js';
import type { Directory } from './directory.js';
import { escalationTarget } from './escalation.js';
import { checkFields, checkText, type FieldRefusalCode } from './fields.js';
import { refuse, type Refusal, type Result } from './result.js';
import {
  advance, arrivalNotices, auditEvent, chiefNotices, describeState, dueAt, nextActStep, notices, stateAtStep,
  type Move, type Transition,
} from './transition.js';
import { TERMINAL_STATES, type Action, type ActorId, type MemberId, type NoticeReason, type Outcome, type Report, type ReportState } from './types.js';

export interface ActionCommand {
  action: Exclude<Action, 'submit'>;
  actor: ActorId;
  commandId: string;
  comment?: string;
  /** The IT contractor's ticket, when a repair is handed over. */
  reference?: string;
  /** Corrected or added fields, when the reporter resubmits. */
  fields?: Record<string, unknown>;
}

export type ActRefusalCode =
  | 'invalid_state' | 'not_allowed' | 'outcome_not_allowed' | 'comment_required' | 'reference_required' | 'not_overdue'
  | 'nowhere_to_escalate' | FieldRefusalCode;

type ActResult = Result<Transition, ActRefusalCode>;
type Recipient = { member: MemberId; reason: NoticeReason };

const OUTCOME_STATE: Record<Outcome, ReportState> = {
  resolve: 'resolved', approve: 'approved', deny: 'denied', close: 'closed', hand_to_contractor: 'with_contractor',
};

/** A repair with the contractor can still be closed or resolved, nothing else. */
const DECIDABLE_IN: Record<Outcome, ReportState[]> = {
  resolve: ['at_destination', 'with_contractor'], close: ['at_destination', 'with_contractor'],
  approve: ['at_destination'], deny: ['at_destination'], hand_to_contractor: ['at_destination'],
};

function finish(dir: Directory, report: Report, move: Move, changes: Partial<Report>, told: Recipient[]): ActResult {
  const next = advance(report, move, changes);
  const deadlines = deadlinesFor(next, dir.config.calendar);
  return { ok: true, report: next, events: [auditEvent(report, next, move)], notices: notices(next, move.actor, told), deadlines };
}

function wrongState(report: Report, action: string): Refusal<'invalid_state'> {
  return refuse('invalid_state', `A report that is ${describeState(report.state)} cannot be ${action}.`);
}

function authorityOrRefusal(dir: Directory, report: Report, actor: ActorId, at: Date): RouteAuthority | Refusal<'not_allowed'> {
  const auth = routeAuthority(dir, report, actor, at);
  if (auth) return auth;
  const holder = report.route.steps[report.step]!.member;
  return refuse('not_allowed', `Only ${holder}, their acting supervisor or someone above them on the route can act on this report now.`);
}

/** The move as made under `auth`, noting whom a delegate acts for. */
function under(auth: RouteAuthority, move: Move): Move {
  return 'actingFor' in auth && auth.actingFor ? { ...move, actingFor: auth.actingFor } : move;
}

/** To step `to` of `route` (the report's own, or one the escalation grew); the Chief hears of every escalation first. */
function moveTo(dir: Directory, report: Report, move: Move, acted: boolean, to = nextActStep(report.route, report.step), route = report.route): ActResult {
  const moved = { ...report, route };
  const changes = { route, state: stateAtStep(route, to), step: to, dueAt: dueAt(route, to, move.at, dir.config.calendar), acted };
  const told = [...(move.action === 'escalate' ? chiefNotices(dir) : []), ...arrivalNotices(dir, moved, report.step, to, move.at)];
  return finish(dir, moved, move, changes, told);
}

/** The sweep, once the level's due time has passed: to where the route sends a missed SLA, noting who missed it. */
function escalateBySystem(dir: Directory, report: Report, move: Move, at: Date): ActResult {
  if (report.state !== 'pending' && report.state !== 'at_destination') return wrongState(report, 'escalated');
  if (report.dueAt === null || at.getTime() < Date.parse(report.dueAt)) return refuse('not_overdue', 'The level holding this report still has time to act.');
  const target = escalationTarget(dir, report);
  if (!target) return refuse('nowhere_to_escalate', 'The Chief holds this report: there is nobody above to escalate it to.');
  const { member, slaHours } = report.route.steps[report.step]!;
  const note = `escalated by the system: SLA of ${slaHours} h missed by ${member}`;
  return moveTo(dir, report, { ...move, missed: { member, slaHours }, note }, report.acted, target.step, target.route);
}

function byRoute(dir: Directory, report: Report, cmd: ActionCommand, move: Move): ActResult {
  const { action } = cmd;
  const auth = authorityOrRefusal(dir, report, cmd.actor, move.at);
  if ('ok' in auth) return auth;
  const m = under(auth, move);
  if (action === 'forward') return moveTo(dir, report, m, true);
  if (action === 'escalate') {
    if (auth.as !== 'above') return refuse('not_allowed', 'The level holding a report forwards it; escalation is for those above it.');
    return moveTo(dir, report, m, true);
  }
  if (!cmd.comment) return refuse('comment_required', 'Say what information is needed before returning the report.');
  return finish(dir, report, m, { state: 'returned', dueAt: null, acted: true }, [{ member: report.reporter, reason: 'status' }]);
}

function decide(dir: Directory, report: Report, cmd: ActionCommand & { action: Outcome }, move: Move): ActResult {
  const type = dir.types.get(report.type);
  if (!type?.outcomes.includes(cmd.action)) return refuse('outcome_not_allowed', `A ${type?.label ?? report.type} cannot be decided with "${cmd.action}".`);
  const handing = cmd.action === 'hand_to_contractor';
  const states = DECIDABLE_IN[cmd.action];
  if (!states.includes(report.state)) return wrongState(report, `decided with "${cmd.action}"`);
  const auth = authorityOrRefusal(dir, report, cmd.actor, move.at);
  if ('ok' in auth) return auth;
  if (handing && !cmd.reference) return refuse('reference_required', "Give the IT contractor's reference when handing a repair over.");
  const changes = { state: OUTCOME_STATE[cmd.action], dueAt: null, acted: true, ...(handing ? { contractorReference: cmd.reference } : {}) };
  return finish(dir, report, under(auth, move), changes, [{ member: report.reporter, reason: 'status' }]);
}

function byReporter(dir: Directory, report: Report, cmd: ActionCommand, move: Move): ActResult {
  if (cmd.actor !== report.reporter) return refuse('not_allowed', `Only the reporter can ${cmd.action} a report.`);
  const holder = report.route.steps[report.step]!.member;
  if (cmd.action === 'withdraw') {
    if (report.acted) return refuse('invalid_state', 'The report can no longer be withdrawn: someone has already acted on it.');
    return finish(dir, report, move, { state: 'withdrawn', dueAt: null }, [{ member: holder, reason: 'status' }]);
  }
  const type = dir.types.get(report.type);
  const checked = type ? checkFields(type, { ...report.fields, ...cmd.fields }) : undefined;
  if (checked && !checked.ok) return checked;
  const changes = {
    state: stateAtStep(report.route, report.step), dueAt: dueAt(report.route, report.step, move.at, dir.config.calendar), fields: checked?.fields ?? report.fields,
  };
  return finish(dir, report, move, changes, arrivalNotices(dir, report, report.step - 1, report.step, move.at));
}

type StepAction = Exclude<ActionCommand['action'], Outcome>;

const ALLOWED_FROM: Record<StepAction, { from: ReportState[]; done: string }> = {
  forward: { from: ['pending'], done: 'forwarded' },
  escalate: { from: ['pending'], done: 'escalated' },
  return: { from: ['pending', 'at_destination'], done: 'returned' },
  resubmit: { from: ['returned'], done: 'resubmitted' },
  withdraw: { from: ['pending', 'at_destination'], done: 'withdrawn' },
};

function isOutcome(action: ActionCommand['action']): action is Outcome {
  return action in OUTCOME_STATE;
}

/** The one entry to a report's lifecycle after submission; a refusal says why, and nothing changes. */
export function applyAction(dir: Directory, report: Report, cmd: ActionCommand, at: Date): ActResult {
  if (TERMINAL_STATES.includes(report.state)) return refuse('invalid_state', `This report is already ${report.state}.`);
  const badText = checkText('comment', cmd.comment) ?? checkText('reference', cmd.reference);
  if (badText) return badText;
  const move: Move = { action: cmd.action, actor: cmd.actor, commandId: cmd.commandId, at, comment: cmd.comment, reference: cmd.reference };
  const { action } = cmd;
  if (isOutcome(action)) return decide(dir, report, { ...cmd, action }, move);
  if (action === 'escalate' && cmd.actor === 'system') return escalateBySystem(dir, report, move, at);
  const allowed = ALLOWED_FROM[action];
  if (!allowed.from.includes(report.state)) return wrongState(report, allowed.done);
  if (action === 'withdraw' || action === 'resubmit') return byReporter(dir, report, cmd, move);
  return byRoute(dir, report, cmd, move);
}
