import type { ActionCommand } from '../../src/routing/act.js';
import type { DepartmentConfig, Member, Report } from '../../src/routing/types.js';

/**
 * A small department where every level of the route has an acting supervisor, and a report type that allows
 * every outcome, so one matrix covers every role × action × state. The expectations below are written out
 * from SPEC §3, not derived from the code under test.
 */
const m = (id: string, reportsTo: string | null, roles: string[] = []): Member => ({
  id, aadObjectId: `aad-${id}`, name: id, rank: id, title: id, unit: 'Matrix', reportsTo, roles,
});

export const MATRIX_DEPARTMENT: DepartmentConfig = {
  id: 'matrix',
  name: 'Matrix Police Department',
  tenantId: 'tenant-matrix',
  members: [
    m('chief', null, ['chief']), m('lt', 'chief'), m('sgt', 'lt'), m('ofc', 'sgt'), m('subj', 'sgt'),
    m('out', 'lt'), m('acting-sgt', 'lt'), m('acting-lt', 'chief'), m('acting-chief', 'chief'),
  ],
  reportTypes: [
    { id: 'all', label: 'Matrix report', policyBasis: [], fields: [{ id: 'text', label: 'Text', required: true }], outcomes: ['resolve', 'approve', 'deny', 'close', 'hand_to_contractor'] },
  ],
  routes: [{ type: 'all', destination: { role: 'chief' }, levels: { default: { mode: 'act', slaHours: 24 } }, notifyRoles: [] }],
  delegations: [
    { id: 'd-sgt', member: 'sgt', delegate: 'acting-sgt', start: '2025-01-01', end: '2025-12-31' },
    { id: 'd-lt', member: 'lt', delegate: 'acting-lt', start: '2025-01-01', end: '2025-12-31' },
    { id: 'd-chief', member: 'chief', delegate: 'acting-chief', start: '2025-01-01', end: '2025-12-31' },
  ],
};

export const REPORTER = 'ofc';
export const SUBJECT = 'subj';
const DELEGATE_OF: Record<string, string> = { sgt: 'acting-sgt', lt: 'acting-lt', chief: 'acting-chief' };

export type Step = [member: string, action: ActionCommand['action']];
const TO_CHIEF: Step[] = [['sgt', 'forward'], ['lt', 'forward']];

/** How each state is reached from a fresh report (sgt → lt → chief); `overdueHours` moves the clock past the SLA. */
export const STATES: Record<string, { steps: Step[]; overdueHours?: number }> = {
  pending_fresh: { steps: [] },
  pending_overdue: { steps: [], overdueHours: 25 },
  pending_acted: { steps: [['sgt', 'forward']] },
  at_destination: { steps: TO_CHIEF },
  returned: { steps: [['sgt', 'return']] },
  with_contractor: { steps: [...TO_CHIEF, ['chief', 'hand_to_contractor']] },
  resolved: { steps: [...TO_CHIEF, ['chief', 'resolve']] },
  withdrawn: { steps: [[REPORTER, 'withdraw']] },
};

export const ACTIONS: ActionCommand['action'][] = [
  'forward', 'return', 'resubmit', 'withdraw', 'escalate', 'resolve', 'approve', 'deny', 'close', 'hand_to_contractor',
];

export const ROLES = ['reporter', 'subject', 'outsider', 'system', 'assignee', 'delegate', 'above', 'above_delegate', 'below'] as const;
export type Role = (typeof ROLES)[number];

/** The member playing `role` on `report` as it stands, if the role exists there (nobody is above the chief). */
export function memberFor(report: Report, role: Role): string | undefined {
  const at = (i: number) => report.route.steps[i]?.member;
  const fixed: Partial<Record<Role, string>> = { reporter: REPORTER, subject: SUBJECT, outsider: 'out', system: 'system' };
  if (fixed[role]) return fixed[role];
  const member = at(role === 'below' ? report.step - 1 : role.startsWith('above') ? report.step + 1 : report.step);
  if (member === undefined) return undefined;
  return role.endsWith('delegate') ? DELEGATE_OF[member] : member;
}

const ON_ROUTE: Role[] = ['assignee', 'delegate', 'above', 'above_delegate'];
const PENDING = ['pending_fresh', 'pending_overdue', 'pending_acted'];

/** SPEC §3 as a table: who may do what in which state. */
export function expectedAllowed(state: string, action: ActionCommand['action'], role: Role): boolean {
  switch (action) {
    case 'forward':
      return PENDING.includes(state) && ON_ROUTE.includes(role);
    case 'return':
      return [...PENDING, 'at_destination'].includes(state) && ON_ROUTE.includes(role);
    case 'escalate':
      return PENDING.includes(state) && (role === 'above' || role === 'above_delegate' || (role === 'system' && state === 'pending_overdue'));
    case 'resubmit':
      return state === 'returned' && role === 'reporter';
    case 'withdraw':
      return ['pending_fresh', 'pending_overdue'].includes(state) && role === 'reporter';
    case 'resolve':
    case 'close':
      return ['at_destination', 'with_contractor'].includes(state) && ON_ROUTE.includes(role);
    case 'approve':
    case 'deny':
    case 'hand_to_contractor':
      return state === 'at_destination' && ON_ROUTE.includes(role);
  }
}

/** Every input an action could need, so a refusal can only be about who, what and when. */
export const COMMAND_EXTRAS = { comment: 'Matrix comment', reference: 'IT-4711' };
