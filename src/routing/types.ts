/** Chain of command, routes and reports: the department's configuration and a report's life. */

export type MemberId = string;

/** The role the policy names as the final authority: reads every report not about them, hears of escalations. */
export const CHIEF_ROLE = 'chief';

export interface Member {
  id: MemberId;
  /** Azure AD object id: the identity Teams gives us for whoever clicks a card. */
  aadObjectId: string;
  name: string;
  rank: string;
  title: string;
  unit: string;
  /** The member's direct supervisor; null only for the top of the chain (the chief). */
  reportsTo: MemberId | null;
  roles: string[];
}

/** An acting supervisor: `delegate` acts for `member` from `start` to `end` (ISO dates or date-times, inclusive). */
export interface Delegation {
  id: string;
  member: MemberId;
  delegate: MemberId;
  start: string;
  end: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Working hours on the department's own wall clock: with one, SLA hours count only these. */
export interface BusinessCalendar {
  /** IANA name, e.g. America/Chicago. */
  timeZone: string;
  workingDays: Weekday[];
  /** Local opening and closing time, HH:MM. */
  hours: { start: string; end: string };
  /** Local dates (YYYY-MM-DD) that are not working days. */
  holidays: string[];
}

export interface FieldDef {
  id: string;
  label: string;
  required?: boolean;
  maxLength?: number;
  choices?: string[];
}

export const OUTCOMES = ['resolve', 'approve', 'deny', 'close', 'hand_to_contractor'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ReportType {
  id: string;
  label: string;
  /** Where the policy asks for it, e.g. "OPD 4.1 §IV". */
  policyBasis: string[];
  fields: FieldDef[];
  /** What the destination may decide. */
  outcomes: Outcome[];
}

export type StepMode = 'act' | 'inform';

export interface StepRule {
  mode: StepMode;
  slaHours: number;
}

/** Up the chain until someone holding `role`, or a fixed number of levels above the reporter. */
export type Destination = { role: string } | { levels: number };

export interface RouteDef {
  type: string;
  destination: Destination;
  levels: {
    default: StepRule;
    destination?: StepRule;
    /** Overrides by rank, e.g. lieutenants are only informed. */
    byRank?: Record<string, StepRule>;
  };
  /** Roles told at once when the report is filed (the Chief for a security lapse, §II.A.3). */
  notifyRoles: string[];
  /** Where a missed SLA sends the report; by default the next level up, and the Chief above the top. */
  escalateTo?: { role: string };
}

export interface DepartmentConfig {
  id: string;
  name: string;
  tenantId: string;
  members: Member[];
  reportTypes: ReportType[];
  routes: RouteDef[];
  delegations: Delegation[];
  calendar?: BusinessCalendar;
}

export interface RouteStep {
  member: MemberId;
  mode: StepMode;
  slaHours: number;
  /** The acting supervisor when the member is delegated at the time the route was resolved. */
  delegate?: MemberId;
}

export interface ResolvedRoute {
  steps: RouteStep[];
  notify: MemberId[];
  /** The holder of the route's escalateTo role when the report was filed. */
  escalateTo?: MemberId;
}

export type ReportState =
  | 'pending'
  | 'at_destination'
  | 'returned'
  | 'with_contractor'
  | 'resolved'
  | 'approved'
  | 'denied'
  | 'closed'
  | 'withdrawn';

export const TERMINAL_STATES: readonly ReportState[] = ['resolved', 'approved', 'denied', 'closed', 'withdrawn'];

export type Action =
  | 'submit'
  | 'forward'
  | 'return'
  | 'resubmit'
  | 'withdraw'
  | 'escalate'
  | Outcome;

/** Who acted: a member, or the deadline sweeper. */
export type ActorId = MemberId | 'system';

export interface LastTransition {
  version: number;
  action: Action;
  by: ActorId;
  actingFor?: MemberId;
  at: string;
  commandId: string;
}

export interface Report {
  id: string;
  departmentId: string;
  type: string;
  fields: Record<string, string>;
  reporter: MemberId;
  subject: MemberId | null;
  /** Snapshot taken at submission: later roster edits do not move reports already in flight. */
  route: ResolvedRoute;
  state: ReportState;
  /** Index in route.steps of the level that holds the report. */
  step: number;
  dueAt: string | null;
  /** True once anyone but the reporter has acted; the reporter may withdraw only before that. */
  acted: boolean;
  contractorReference?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  lastTransition: LastTransition;
}

/** What the audit trail records: the lifecycle's actions, and a level handed to an acting supervisor. */
export type AuditAction = Action | 'reassign';

/** The level that let its SLA pass, on an escalation by the deadline sweep. */
export interface MissedSla {
  member: MemberId;
  slaHours: number;
}

export interface AuditEvent {
  /** `${reportId}:${version}:${index}` so a retried write lands on the same document. */
  id: string;
  reportId: string;
  departmentId: string;
  version: number;
  at: string;
  actor: ActorId;
  actingFor?: MemberId;
  action: AuditAction;
  /** The command that caused it, so a retried command is recognised instead of applied again. */
  commandId: string;
  from: ReportState | null;
  to: ReportState;
  fromStep: number | null;
  toStep: number;
  comment?: string;
  reference?: string;
  missed?: MissedSla;
  /** On a reassignment: the acting supervisor who now holds the level. */
  delegate?: MemberId;
  /** The event in words, for events the system makes ("escalated by the system: SLA of 24 h missed by sgt-a"). */
  note?: string;
}

export type NoticeReason =
  | 'assigned' | 'informed' | 'notified_at_once' | 'escalated' | 'status'
  | 'reminder50' | 'reminder75' | 'overdue' | 'delegated';

/** A message owed to a member (sent later by the bot), written with the transition like its audit event. */
export interface Notice {
  id: string;
  reportId: string;
  departmentId: string;
  version: number;
  member: MemberId;
  reason: NoticeReason;
}
