import { addWorkingTime } from './calendar.js';
import type { BusinessCalendar, Delegation, MemberId, Report } from './types.js';

export type ReportDeadlineType = 'reminder50' | 'reminder75' | 'escalate';
/** A delegation that starts later: its pending levels move to the acting supervisor when it does. */
export type DeadlineType = ReportDeadlineType | 'delegation';

/** A moment the sweep must act on, stored like the report's audit events and fired exactly once. */
export type Deadline =
  | {
      /** `${reportId}:${version}:deadline:${type}`: the level as entered at that version, so a re-entered level gets new ones. */
      id: string;
      departmentId: string;
      type: ReportDeadlineType;
      reportId: string;
      version: number;
      step: number;
      /** The level's holder when it was set (reminders go to whoever acts for them when it fires). */
      member: MemberId;
      slaHours: number;
      fireAt: string;
    }
  | { id: string; departmentId: string; type: 'delegation'; delegation: Delegation; fireAt: string };

export type ReportDeadline = Extract<Deadline, { reportId: string }>;

const REMINDERS: Array<[ReportDeadlineType, number]> = [['reminder50', 0.5], ['reminder75', 0.75]];

/** Reminders at half and three quarters of the level's SLA, and its escalation at the due time, in working time. */
export function deadlinesFor(report: Report, calendar?: BusinessCalendar): ReportDeadline[] {
  if ((report.state !== 'pending' && report.state !== 'at_destination') || report.dueAt === null) return [];
  const step = report.route.steps[report.step];
  if (!step) return [];
  const entered = new Date(report.updatedAt);
  const base = { departmentId: report.departmentId, reportId: report.id, version: report.version, step: report.step, member: step.member, slaHours: step.slaHours };
  const id = (type: ReportDeadlineType) => `${report.id}:${report.version}:deadline:${type}`;
  return [
    ...REMINDERS.map(([type, share]) => ({ ...base, id: id(type), type, fireAt: addWorkingTime(entered, step.slaHours * share, calendar).toISOString() })),
    { ...base, id: id('escalate'), type: 'escalate' as const, fireAt: report.dueAt },
  ];
}

export function delegationDeadline(departmentId: string, delegation: Delegation, fireAt: Date): Deadline {
  return { id: `delegation:${delegation.id}:start`, departmentId, type: 'delegation', delegation, fireAt: fireAt.toISOString() };
}
