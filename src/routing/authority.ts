import { activeDelegate, holdersOf, type Directory } from './directory.js';
import { CHIEF_ROLE, type ActorId, type MemberId, type Report } from './types.js';

export type RouteAuthority =
  | { as: 'assignee' }
  | { as: 'delegate'; actingFor: MemberId }
  | { as: 'above'; actingFor?: MemberId };

/** A delegate may stand in for a member unless that would put the report in the hands of its subject or reporter. */
function delegateOf(dir: Directory, report: Report, member: MemberId, at: Date): MemberId | undefined {
  const d = activeDelegate(dir, member, at);
  return d === report.subject || d === report.reporter ? undefined : d;
}

/** How `actor` may act on the level that holds the report: as its assignee, their delegate, or from higher up the route. */
export function routeAuthority(dir: Directory, report: Report, actor: ActorId, at: Date): RouteAuthority | undefined {
  if (actor === 'system' || actor === report.reporter || actor === report.subject) return undefined;
  const steps = report.route.steps;
  const current = steps[report.step];
  if (!current) return undefined;
  if (actor === current.member) return { as: 'assignee' };
  if (actor === delegateOf(dir, report, current.member, at)) return { as: 'delegate', actingFor: current.member };
  for (const step of steps.slice(report.step + 1)) {
    if (actor === step.member) return { as: 'above' };
    if (actor === delegateOf(dir, report, step.member, at)) return { as: 'above', actingFor: step.member };
  }
  return undefined;
}

/** Who should hear about a level: its acting supervisor while one is delegated, else the member. */
export function recipientFor(dir: Directory, report: Report, member: MemberId, at: Date): MemberId {
  return delegateOf(dir, report, member, at) ?? member;
}

/** Readable by the reporter, everyone on the route (and their delegates) and the Chief; never by the subject. */
export function canRead(dir: Directory, report: Report, member: MemberId, at: Date): boolean {
  if (member === report.subject) return false;
  if (member === report.reporter) return true;
  const { steps, notify } = report.route;
  if (steps.some((s) => s.member === member || s.delegate === member || delegateOf(dir, report, s.member, at) === member)) return true;
  if (notify.includes(member)) return true;
  return holdersOf(dir, CHIEF_ROLE).some((m) => m.id === member);
}
