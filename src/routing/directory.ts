import type { DepartmentConfig, Delegation, Member, MemberId, ReportType, RouteDef } from './types.js';

/** A department's configuration indexed for lookups; built once per load. */
export interface Directory {
  config: DepartmentConfig;
  byId: ReadonlyMap<MemberId, Member>;
  byAad: ReadonlyMap<string, Member>;
  types: ReadonlyMap<string, ReportType>;
  routes: ReadonlyMap<string, RouteDef>;
}

export function buildDirectory(config: DepartmentConfig): Directory {
  return {
    config,
    byId: new Map(config.members.map((m) => [m.id, m])),
    byAad: new Map(config.members.map((m) => [m.aadObjectId.toLowerCase(), m])),
    types: new Map(config.reportTypes.map((t) => [t.id, t])),
    routes: new Map(config.routes.map((r) => [r.type, r])),
  };
}

export function memberByAad(dir: Directory, aadObjectId: string): Member | undefined {
  return dir.byAad.get(aadObjectId.toLowerCase());
}

export function holdersOf(dir: Directory, role: string): Member[] {
  return dir.config.members.filter((m) => m.roles.includes(role));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600 * 1000;

/** A date-only end covers that whole day (UTC). */
export function delegationWindow(d: Pick<Delegation, 'start' | 'end'>): { start: number; end: number } {
  const start = Date.parse(DATE_ONLY.test(d.start) ? `${d.start}T00:00:00Z` : d.start);
  const endBase = Date.parse(DATE_ONLY.test(d.end) ? `${d.end}T00:00:00Z` : d.end);
  return { start, end: DATE_ONLY.test(d.end) ? endBase + DAY_MS - 1 : endBase };
}

function isActive(d: Delegation, at: Date): boolean {
  const { start, end } = delegationWindow(d);
  const t = at.getTime();
  return t >= start && t <= end;
}

/** The acting supervisor for `member` at `at`, if one is delegated and still on the roster. */
export function activeDelegate(dir: Directory, member: MemberId, at: Date): MemberId | undefined {
  const d = dir.config.delegations.find((x) => x.member === member && isActive(x, at) && dir.byId.has(x.delegate));
  return d?.delegate;
}
