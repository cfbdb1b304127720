import { delegationWindow, type Directory } from './directory.js';
import { refuse, type Result } from './result.js';
import type { AuditEvent, Delegation, MemberId, Report } from './types.js';

/** "delegate to Sam Ortiz from 2025-07-01 to 2025-07-14", as asked by `member`. */
export interface DelegationRequest {
  member: MemberId;
  delegate: MemberId;
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
}

export type DelegationRefusalCode = 'not_a_supervisor' | 'unknown_member' | 'invalid_delegation' | 'overlap';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return DATE.test(s) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/**
 * The delegation to store, or why not: only a supervisor names an acting supervisor, for a period not yet over,
 * that does not overlap one they already named. Asking again for the very same one is not a new delegation.
 */
export function planDelegation(dir: Directory, req: DelegationRequest, now: Date): Result<{ delegation: Delegation; existing: boolean }, DelegationRefusalCode> {
  const member = dir.byId.get(req.member);
  const delegate = dir.byId.get(req.delegate);
  if (!member || !delegate) return refuse('unknown_member', 'Name someone on the roster as your acting supervisor.');
  if (!dir.config.members.some((m) => m.reportsTo === member.id)) return refuse('not_a_supervisor', 'Only a supervisor names an acting supervisor: nobody reports to you.');
  if (delegate.id === member.id) return refuse('invalid_delegation', 'Name someone else: you cannot act for yourself.');
  if (!validDate(req.start) || !validDate(req.end)) return refuse('invalid_delegation', 'Give the dates as YYYY-MM-DD, e.g. "from 2025-07-01 to 2025-07-14".');
  const window = delegationWindow(req);
  if (window.start > window.end) return refuse('invalid_delegation', `The period must end on or after it starts (${req.start} to ${req.end}).`);
  if (window.end < now.getTime()) return refuse('invalid_delegation', `That period is already over (it ended ${req.end}).`);
  const same = dir.config.delegations.find((d) => d.member === member.id && d.delegate === delegate.id && d.start === req.start && d.end === req.end);
  if (same) return { ok: true, delegation: same, existing: true };
  const clash = dir.config.delegations.find((d) => {
    if (d.member !== member.id) return false;
    const w = delegationWindow(d);
    return w.start <= window.end && window.start <= w.end && w.end >= now.getTime();
  });
  if (clash) {
    const who = dir.byId.get(clash.delegate)?.name ?? clash.delegate;
    return refuse('overlap', `${who} already acts for you from ${clash.start} to ${clash.end}; pick dates outside that period.`);
  }
  const delegation: Delegation = { id: `${member.id}-${req.start}-${delegate.id}`, member: member.id, delegate: delegate.id, start: req.start, end: req.end };
  return { ok: true, delegation, existing: false };
}

/** The audit event for a level handed to its acting supervisor: the state does not change, the holder does. */
export function reassignEvent(report: Report, delegation: Delegation, at: Date): AuditEvent {
  return {
    id: `${report.id}:${report.version}:reassign:${delegation.id}`,
    reportId: report.id,
    departmentId: report.departmentId,
    version: report.version,
    at: at.toISOString(),
    actor: 'system',
    actingFor: delegation.member,
    delegate: delegation.delegate,
    action: 'reassign',
    commandId: `delegation:${delegation.id}`,
    from: report.state,
    to: report.state,
    fromStep: report.step,
    toStep: report.step,
    note: `reassigned to ${delegation.delegate}, acting for ${delegation.member}`,
  };
}
