import { deadlinesFor } from './deadlines.js';
import type { Directory } from './directory.js';
import { checkFields, type FieldRefusalCode } from './fields.js';
import { resolveRoute, type RouteRefusalCode } from './resolve-route.js';
import { refuse, type Result } from './result.js';
import { advance, arrivalNotices, auditEvent, dueAt, nextActStep, notices, stateAtStep, type Transition } from './transition.js';
import type { MemberId, Report } from './types.js';

export interface SubmitCommand {
  reportId: string;
  commandId: string;
  type: string;
  reporter: MemberId;
  subject?: MemberId | null;
  fields: Record<string, unknown>;
}

export type SubmitRefusalCode = RouteRefusalCode | FieldRefusalCode | 'subject_is_reporter';

/** A filed report lands with the first level of its route that must act; everyone the route names at once is told. */
export function submitReport(dir: Directory, cmd: SubmitCommand, at: Date): Result<Transition, SubmitRefusalCode> {
  const subject = cmd.subject ?? null;
  if (subject !== null && subject === cmd.reporter) return refuse('subject_is_reporter', 'A report cannot name its own reporter as the employee involved.');
  const type = dir.types.get(cmd.type);
  if (!type) return refuse('unknown_type', `no report type "${cmd.type}" in ${dir.config.id}`);
  const checked = checkFields(type, cmd.fields);
  if (!checked.ok) return checked;
  const resolved = resolveRoute(dir, { type: cmd.type, reporter: cmd.reporter, subject, at });
  if (!resolved.ok) return resolved;
  const { route } = resolved;
  const step = nextActStep(route, -1);
  const now = at.toISOString();
  const draft: Report = {
    id: cmd.reportId,
    departmentId: dir.config.id,
    type: cmd.type,
    fields: checked.fields,
    reporter: cmd.reporter,
    subject,
    route,
    state: stateAtStep(route, step),
    step,
    dueAt: dueAt(route, step, at, dir.config.calendar),
    acted: false,
    createdAt: now,
    updatedAt: now,
    version: 0,
    lastTransition: { version: 0, action: 'submit', by: cmd.reporter, at: now, commandId: cmd.commandId },
  };
  const move = { action: 'submit' as const, actor: cmd.reporter, commandId: cmd.commandId, at };
  const report = advance(draft, move, {});
  const told = [...arrivalNotices(dir, report, -1, step, at), ...route.notify.map((m) => ({ member: m, reason: 'notified_at_once' as const }))];
  const deadlines = deadlinesFor(report, dir.config.calendar);
  return { ok: true, report, events: [auditEvent(null, report, move)], notices: notices(report, cmd.reporter, told), deadlines };
}
