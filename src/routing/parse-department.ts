import { ConfigReader } from './config-reader.js';
import type { ConfigIssue } from './result.js';
import {
  OUTCOMES,
  type BusinessCalendar,
  type Delegation,
  type DepartmentConfig,
  type Destination,
  type FieldDef,
  type Member,
  type Outcome,
  type ReportType,
  type RouteDef,
  type StepRule,
  type Weekday,
} from './types.js';

/** One department as written in an import file; sections left out keep what is already stored (`calendar: null` removes it). */
export type DepartmentInput = Pick<DepartmentConfig, 'id'> & Partial<Omit<DepartmentConfig, 'id' | 'calendar'>> & { calendar?: BusinessCalendar | null };

function member(r: ConfigReader, v: unknown, at: string): Member | undefined {
  const o = r.obj(v, at);
  if (!o) return undefined;
  const where = typeof o.id === 'string' ? `${at} ("${o.id}")` : at;
  const id = r.str(o, 'id', where);
  const aadObjectId = r.str(o, 'aadObjectId', where);
  const name = r.str(o, 'name', where);
  const reportsTo = o.reportsTo === null || o.reportsTo === undefined ? null : r.str(o, 'reportsTo', where);
  const roles = r.strList(o, 'roles', where);
  if (!id || !aadObjectId || !name || reportsTo === undefined) return undefined;
  const text = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : '');
  return { id, aadObjectId, name, rank: text('rank'), title: text('title'), unit: text('unit'), reportsTo, roles };
}

function field(r: ConfigReader, v: unknown, at: string): FieldDef | undefined {
  const o = r.obj(v, at);
  const id = o && r.str(o, 'id', at);
  if (!o || !id) return undefined;
  const f: FieldDef = { id, label: r.optStr(o, 'label', at) ?? id, required: o.required === true };
  if (o.maxLength !== undefined) f.maxLength = r.num(o, 'maxLength', at);
  if (o.choices !== undefined) f.choices = r.strList(o, 'choices', at);
  return f;
}

function reportType(r: ConfigReader, v: unknown, at: string): ReportType | undefined {
  const o = r.obj(v, at);
  const id = o && r.str(o, 'id', at);
  if (!o || !id) return undefined;
  const where = `${at} ("${id}")`;
  const isOutcome = (x: unknown): x is Outcome => (OUTCOMES as readonly unknown[]).includes(x);
  const outcomes = r.list(o, 'outcomes', where, (x, a) => (isOutcome(x) ? x : r.bad(a, `must be one of ${OUTCOMES.join(', ')}`))) ?? [];
  const fields = r.list(o, 'fields', where, (x, a) => field(r, x, a)) ?? [];
  return { id, label: r.optStr(o, 'label', where) ?? id, policyBasis: r.strList(o, 'policyBasis', where), fields, outcomes };
}

function stepRule(r: ConfigReader, v: unknown, at: string): StepRule | undefined {
  const o = r.obj(v, at);
  if (!o) return undefined;
  const mode = r.oneOf(o, 'mode', at, ['act', 'inform'] as const);
  const slaHours = r.num(o, 'slaHours', at);
  return mode && slaHours !== undefined ? { mode, slaHours } : undefined;
}

function destination(r: ConfigReader, v: unknown, at: string): Destination | undefined {
  const o = r.obj(v, at);
  if (o && typeof o.role === 'string') return { role: o.role };
  if (o && typeof o.levels === 'number') return { levels: o.levels };
  return r.bad(at, 'destination must be {"role": ROLE} or {"levels": N}');
}

function route(r: ConfigReader, v: unknown, at: string): RouteDef | undefined {
  const o = r.obj(v, at);
  const type = o && r.str(o, 'type', at);
  if (!o || !type) return undefined;
  const where = `${at} ("${type}")`;
  const dest = destination(r, o.destination, `${where}.destination`);
  const levels = r.obj(o.levels, `${where}.levels`);
  const dflt = levels && stepRule(r, levels.default, `${where}.levels.default`);
  if (!dest || !levels || !dflt) return undefined;
  const def: RouteDef = { type, destination: dest, levels: { default: dflt }, notifyRoles: r.strList(o, 'notifyRoles', where) };
  const escalateTo = o.escalateTo === undefined ? undefined : r.obj(o.escalateTo, `${where}.escalateTo`);
  const role = escalateTo && r.str(escalateTo, 'role', `${where}.escalateTo`);
  if (role) def.escalateTo = { role };
  if (levels.destination !== undefined) def.levels.destination = stepRule(r, levels.destination, `${where}.levels.destination`);
  const byRank = levels.byRank === undefined ? undefined : r.obj(levels.byRank, `${where}.levels.byRank`);
  if (byRank) {
    const entries = Object.entries(byRank).map(([rank, x]) => [rank, stepRule(r, x, `${where}.levels.byRank.${rank}`)] as const);
    def.levels.byRank = Object.fromEntries(entries.filter((e): e is [string, StepRule] => e[1] !== undefined));
  }
  return def;
}

function delegation(r: ConfigReader, v: unknown, at: string): Delegation | undefined {
  const o = r.obj(v, at);
  if (!o) return undefined;
  const [id, m, d, start, end] = ['id', 'member', 'delegate', 'start', 'end'].map((k) => r.str(o, k, at));
  return id && m && d && start && end ? { id, member: m, delegate: d, start, end } : undefined;
}

/** Read as written; whether the zone, days and hours make sense is validateDepartment's. */
function calendar(r: ConfigReader, v: unknown, at: string): BusinessCalendar | undefined {
  const o = r.obj(v, at);
  const timeZone = o && r.str(o, 'timeZone', at);
  const hours = o && r.obj(o.hours, `${at}.hours`);
  const start = hours && r.str(hours, 'start', `${at}.hours`);
  const end = hours && r.str(hours, 'end', `${at}.hours`);
  if (!o || !timeZone || !start || !end) return undefined;
  const workingDays = r.strList(o, 'workingDays', at).map((d) => d.toLowerCase().slice(0, 3) as Weekday);
  return { timeZone, workingDays, hours: { start, end }, holidays: r.strList(o, 'holidays', at) };
}

function department(r: ConfigReader, v: unknown, at: string): DepartmentInput | undefined {
  const o = r.obj(v, at);
  const id = o && r.str(o, 'id', at);
  if (!o || !id) return undefined;
  const where = `${at} ("${id}")`;
  const input: DepartmentInput = { id };
  if (o.name !== undefined) input.name = r.str(o, 'name', where);
  if (o.tenantId !== undefined) input.tenantId = r.str(o, 'tenantId', where);
  input.members = r.list(o, 'members', where, (x, a) => member(r, x, a));
  input.reportTypes = r.list(o, 'reportTypes', where, (x, a) => reportType(r, x, a));
  input.routes = r.list(o, 'routes', where, (x, a) => route(r, x, a));
  input.delegations = r.list(o, 'delegations', where, (x, a) => delegation(r, x, a));
  if (o.calendar !== undefined) input.calendar = o.calendar === null ? null : calendar(r, o.calendar, `${where}.calendar`);
  return Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)) as DepartmentInput;
}

/** A file holds `{departments: [...]}` (as the sample roster) or a single department. */
export function parseDepartments(doc: unknown, source: string): { departments: DepartmentInput[]; issues: ConfigIssue[] } {
  const r = new ConfigReader();
  const o = r.obj(doc, source);
  if (!o) return { departments: [], issues: r.issues };
  const departments = Array.isArray(o.departments)
    ? (r.list(o, 'departments', source, (x, a) => department(r, x, a)) ?? [])
    : [department(r, o, source)].filter((d): d is DepartmentInput => d !== undefined);
  return { departments, issues: r.issues };
}

/** Later inputs win section by section; the result must name the department and its tenant. */
export function mergeDepartment(base: DepartmentConfig | undefined, input: DepartmentInput): DepartmentConfig | ConfigIssue {
  const name = input.name ?? base?.name;
  const tenantId = input.tenantId ?? base?.tenantId;
  if (!name || !tenantId) return { code: 'invalid_config', message: `${input.id}: a new department needs a name and a tenantId` };
  return {
    id: input.id,
    name,
    tenantId,
    members: input.members ?? base?.members ?? [],
    reportTypes: input.reportTypes ?? base?.reportTypes ?? [],
    routes: input.routes ?? base?.routes ?? [],
    delegations: input.delegations ?? base?.delegations ?? [],
    ...withCalendar(input.calendar === undefined ? base?.calendar : (input.calendar ?? undefined)),
  };
}

function withCalendar(calendar: BusinessCalendar | undefined): { calendar?: BusinessCalendar } {
  return calendar ? { calendar } : {};
}

/** Inputs for the same department from several files, later sections winning (roster + routes). */
export function combineInputs(inputs: DepartmentInput[]): DepartmentInput[] {
  const byId = new Map<string, DepartmentInput>();
  for (const input of inputs) byId.set(input.id, { ...byId.get(input.id), ...input });
  return [...byId.values()];
}
