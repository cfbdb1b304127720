import { recipientFor } from './authority.js';
import { addWorkingTime } from './calendar.js';
import type { ReportDeadline } from './deadlines.js';
import { holdersOf, type Directory } from './directory.js';
import {
  CHIEF_ROLE, type Action, type ActorId, type AuditEvent, type BusinessCalendar, type MemberId, type MissedSla, type Notice, type NoticeReason,
  type Report, type ReportState, type ResolvedRoute,
} from './types.js';

/** A report's next state with what must be written alongside it. */
export interface Transition {
  report: Report;
  events: AuditEvent[];
  notices: Notice[];
  /** Reminders and the escalation for the level the report now sits at (none once it leaves the route). */
  deadlines: ReportDeadline[];
}

export interface Move {
  action: Action;
  actor: ActorId;
  actingFor?: MemberId;
  commandId: string;
  at: Date;
  comment?: string;
  reference?: string;
  /** On an escalation by the sweep: the level that let its SLA pass. */
  missed?: MissedSla;
  note?: string;
}

/** "at destination", "with contractor": for messages. */
export function describeState(state: ReportState): string {
  return state.replaceAll('_', ' ');
}

export function stateAtStep(route: ResolvedRoute, step: number): ReportState {
  return step === route.steps.length - 1 ? 'at_destination' : 'pending';
}

/** The next level that must act after `from`; the last step always acts, so one exists below the destination. */
export function nextActStep(route: ResolvedRoute, from: number): number {
  const i = route.steps.findIndex((s, idx) => idx > from && s.mode === 'act');
  return i === -1 ? route.steps.length - 1 : i;
}

/** The level's SLA counted from `at`, in the department's working hours when it keeps a calendar. */
export function dueAt(route: ResolvedRoute, step: number, at: Date, calendar?: BusinessCalendar): string {
  return addWorkingTime(at, route.steps[step]!.slaHours, calendar).toISOString();
}

/** The report after a move, with its version bumped and the move recorded as the last transition. */
export function advance(prev: Report, move: Move, changes: Partial<Report>): Report {
  const version = prev.version + 1;
  const at = move.at.toISOString();
  const { action, actor, actingFor, commandId } = move;
  const last = { version, action, by: actor, at, commandId, ...(actingFor ? { actingFor } : {}) };
  return { ...prev, ...changes, version, updatedAt: at, lastTransition: last };
}

export function auditEvent(prev: Report | null, next: Report, move: Move): AuditEvent {
  return {
    id: `${next.id}:${next.version}:0`,
    reportId: next.id,
    departmentId: next.departmentId,
    version: next.version,
    at: move.at.toISOString(),
    actor: move.actor,
    ...(move.actingFor ? { actingFor: move.actingFor } : {}),
    action: move.action,
    commandId: move.commandId,
    from: prev?.state ?? null,
    to: next.state,
    fromStep: prev?.step ?? null,
    toStep: next.step,
    ...(move.comment ? { comment: move.comment } : {}),
    ...(move.reference ? { reference: move.reference } : {}),
    ...(move.missed ? { missed: move.missed } : {}),
    ...(move.note ? { note: move.note } : {}),
  };
}

type Recipient = { member: MemberId; reason: NoticeReason };

/** Assignments for reaching `to` from `from` (exclusive): informed levels passed on the way, then the new holder. */
export function arrivalNotices(dir: Directory, report: Report, from: number, to: number, at: Date): Recipient[] {
  const passed = report.route.steps.slice(from + 1, to).filter((s) => s.mode === 'inform');
  const holder = report.route.steps[to]!;
  return [
    ...passed.map((s) => ({ member: recipientFor(dir, report, s.member, at), reason: 'informed' as const })),
    { member: recipientFor(dir, report, holder.member, at), reason: 'assigned' as const },
  ];
}

export function chiefNotices(dir: Directory): Recipient[] {
  return holdersOf(dir, CHIEF_ROLE).map((m) => ({ member: m.id, reason: 'escalated' as const }));
}

/** One notice per member, never to the subject nor to whoever caused it; the reporter always hears how it stands. */
export function notices(report: Report, actor: ActorId, recipients: Recipient[]): Notice[] {
  const seen = new Set<MemberId>([actor, ...(report.subject ? [report.subject] : [])]);
  const out: Notice[] = [];
  for (const r of [...recipients, { member: report.reporter, reason: 'status' as const }]) {
    if (seen.has(r.member)) continue;
    seen.add(r.member);
    const id = `${report.id}:${report.version}:notice:${r.member}`;
    out.push({ id, reportId: report.id, departmentId: report.departmentId, version: report.version, member: r.member, reason: r.reason });
  }
  return out;
}
