import { calendarProblems } from './calendar.js';
import { delegationWindow } from './directory.js';
import type { ConfigIssue } from './result.js';
import { CHIEF_ROLE, type DepartmentConfig, type Member, type RouteDef } from './types.js';

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function duplicateIssues(c: DepartmentConfig): ConfigIssue[] {
  const dup = (what: string, ids: string[]) =>
    duplicates(ids).map((id) => ({ code: 'duplicate_id', message: `${c.id}: duplicate ${what} "${id}"` }));
  return [
    ...dup('member id', c.members.map((m) => m.id)),
    ...dup('AAD object id', c.members.map((m) => m.aadObjectId.toLowerCase())),
    ...dup('report type', c.reportTypes.map((t) => t.id)),
    ...dup('route for report type', c.routes.map((r) => r.type)),
    ...dup('delegation id', c.delegations.map((d) => d.id)),
  ];
}

/** Each loop once, written from its smallest member so a → b → a and b → a → b are one issue. */
function cycles(members: Member[]): string[][] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const found = new Map<string, string[]>();
  for (const start of members) {
    const path: string[] = [];
    let cur: Member | undefined = start;
    while (cur && !path.includes(cur.id) && path.length <= members.length) {
      path.push(cur.id);
      cur = cur.reportsTo === null ? undefined : byId.get(cur.reportsTo);
    }
    if (!cur || !path.includes(cur.id)) continue;
    const loop = path.slice(path.indexOf(cur.id));
    const first = loop.indexOf([...loop].sort()[0]!);
    const norm = [...loop.slice(first), ...loop.slice(0, first)];
    found.set(norm.join('>'), norm);
  }
  return [...found.values()];
}

function chainIssues(c: DepartmentConfig): ConfigIssue[] {
  const ids = new Set(c.members.map((m) => m.id));
  const issues: ConfigIssue[] = [];
  for (const m of c.members) {
    if (m.reportsTo !== null && !ids.has(m.reportsTo)) {
      issues.push({ code: 'missing_supervisor', message: `${c.id}: member "${m.id}" reports to "${m.reportsTo}", who is not on the roster` });
    }
    if (m.reportsTo === null && !m.roles.includes(CHIEF_ROLE)) {
      issues.push({ code: 'missing_supervisor', message: `${c.id}: member "${m.id}" reports to nobody but is not the chief` });
    }
  }
  for (const loop of cycles(c.members)) {
    const names = loop.map((id) => `"${id}"`);
    issues.push({ code: 'cycle', message: `${c.id}: the chain of command loops: ${[...names, names[0]].join(' → ')}` });
  }
  if (!c.members.some((m) => m.roles.includes(CHIEF_ROLE))) {
    issues.push({ code: 'no_chief', message: `${c.id}: no member holds the "${CHIEF_ROLE}" role` });
  }
  return issues;
}

function routeIssues(c: DepartmentConfig, r: RouteDef): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const at = `${c.id}: route "${r.type}"`;
  if (!c.reportTypes.some((t) => t.id === r.type)) issues.push({ code: 'unknown_type', message: `${at} names an unknown report type "${r.type}"` });
  const held = (role: string) => c.members.some((m) => m.roles.includes(role));
  if ('role' in r.destination && !held(r.destination.role)) {
    issues.push({ code: 'no_role_holder', message: `${at}: nobody holds the destination role "${r.destination.role}"` });
  }
  if ('levels' in r.destination && !(Number.isInteger(r.destination.levels) && r.destination.levels >= 1)) {
    issues.push({ code: 'invalid_route', message: `${at}: destination levels must be a whole number of at least 1` });
  }
  if (r.escalateTo && !held(r.escalateTo.role)) {
    issues.push({ code: 'no_role_holder', message: `${at}: nobody holds the role "${r.escalateTo.role}" it escalates to` });
  }
  for (const role of r.notifyRoles.filter((x) => !held(x))) {
    issues.push({ code: 'no_role_holder', message: `${at}: nobody holds the role "${role}" it notifies` });
  }
  const rules = [r.levels.default, r.levels.destination, ...Object.values(r.levels.byRank ?? {})];
  if (rules.some((x) => x !== undefined && !(x.slaHours > 0))) issues.push({ code: 'invalid_route', message: `${at}: every SLA must be more than 0 hours` });
  if (r.levels.destination?.mode === 'inform') issues.push({ code: 'invalid_route', message: `${at}: the destination level must act, not only be informed` });
  return issues;
}

function typeIssues(c: DepartmentConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const t of c.reportTypes) {
    if (!c.routes.some((r) => r.type === t.id)) issues.push({ code: 'no_route', message: `${c.id}: report type "${t.id}" has no route` });
    if (t.outcomes.length === 0) issues.push({ code: 'invalid_type', message: `${c.id}: report type "${t.id}" has no outcomes` });
    for (const f of duplicates(t.fields.map((x) => x.id))) issues.push({ code: 'duplicate_id', message: `${c.id}: report type "${t.id}" has field "${f}" twice` });
  }
  return issues;
}

function delegationIssues(c: DepartmentConfig): ConfigIssue[] {
  const ids = new Set(c.members.map((m) => m.id));
  const issues: ConfigIssue[] = [];
  for (const d of c.delegations) {
    const at = `${c.id}: delegation "${d.id}"`;
    for (const who of [d.member, d.delegate].filter((x) => !ids.has(x))) issues.push({ code: 'unknown_member', message: `${at} names "${who}", who is not on the roster` });
    if (d.member === d.delegate) issues.push({ code: 'invalid_delegation', message: `${at}: "${d.member}" cannot act for themselves` });
    const { start, end } = delegationWindow(d);
    if (!(start <= end)) issues.push({ code: 'invalid_delegation', message: `${at}: "${d.start}" to "${d.end}" is not a valid period` });
  }
  return issues;
}

/** Everything wrong with a department's configuration; empty when it may be stored. */
export function validateDepartment(c: DepartmentConfig): ConfigIssue[] {
  return [
    ...duplicateIssues(c),
    ...chainIssues(c),
    ...c.routes.flatMap((r) => routeIssues(c, r)),
    ...typeIssues(c),
    ...delegationIssues(c),
    ...(c.calendar ? calendarProblems(c.calendar).map((p) => ({ code: 'invalid_calendar', message: `${c.id}: calendar: ${p}` })) : []),
  ];
}
