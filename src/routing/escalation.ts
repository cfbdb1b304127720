import { holdersOf, type Directory } from './directory.js';
import { nextActStep } from './transition.js';
import { CHIEF_ROLE, type MemberId, type Report, type ResolvedRoute, type RouteStep } from './types.js';

/** Where a level that missed its SLA sends the report: the step to move to, on a route that may have grown by one. */
export interface EscalationTarget {
  step: number;
  route: ResolvedRoute;
}

function appended(report: Report, member: MemberId): EscalationTarget {
  const current = report.route.steps[report.step]!;
  const step: RouteStep = { member, mode: 'act', slaHours: current.slaHours };
  const steps = [...report.route.steps, step];
  return { step: steps.length - 1, route: { ...report.route, steps } };
}

/** Someone who may hold the report: never its reporter or subject, nor anyone already passed on the route. */
function eligible(report: Report, member: MemberId): boolean {
  if (member === report.reporter || member === report.subject) return false;
  return !report.route.steps.slice(0, report.step + 1).some((s) => s.member === member);
}

/** The level the route names for escalations, when it is above the one holding the report. */
function namedTarget(report: Report): EscalationTarget | undefined {
  const named = report.route.escalateTo;
  if (!named || !eligible(report, named)) return undefined;
  const i = report.route.steps.findIndex((s, idx) => idx > report.step && s.member === named);
  return i === -1 ? appended(report, named) : { step: i, route: report.route };
}

/**
 * Where the report goes when its level lets the SLA pass: where the route says, else the next level that must
 * act, else (at the top) the Chief. Undefined when the Chief already holds it: there is nobody above.
 */
export function escalationTarget(dir: Directory, report: Report): EscalationTarget | undefined {
  const named = namedTarget(report);
  if (named) return named;
  if (report.step < report.route.steps.length - 1) return { step: nextActStep(report.route, report.step), route: report.route };
  const chief = holdersOf(dir, CHIEF_ROLE).find((m) => eligible(report, m.id));
  return chief ? appended(report, chief.id) : undefined;
}
