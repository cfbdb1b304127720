import { activeDelegate, holdersOf, type Directory } from './directory.js';
import { refuse, type Result } from './result.js';
import type { Member, MemberId, ResolvedRoute, RouteDef, RouteStep, StepRule } from './types.js';

export type RouteRefusalCode = 'unknown_type' | 'unknown_member' | 'broken_chain' | 'no_route';

export interface RouteRequest {
  type: string;
  reporter: MemberId;
  subject?: MemberId | null;
  /** Delegations are applied as they stand at this moment. */
  at: Date;
}

/** The members above `member`, nearest first; a cycle or a dangling reportsTo is a refusal, not a loop. */
export function chainAbove(dir: Directory, member: Member): Result<{ chain: Member[] }, 'broken_chain'> {
  const chain: Member[] = [];
  const seen = new Set<MemberId>([member.id]);
  let next = member.reportsTo;
  while (next !== null) {
    const m = dir.byId.get(next);
    if (!m) return refuse('broken_chain', `${chain.at(-1)?.id ?? member.id} reports to "${next}", who is not on the roster`);
    if (seen.has(m.id)) return refuse('broken_chain', `the chain of command above ${member.id} loops back to ${m.id}`);
    seen.add(m.id);
    chain.push(m);
    next = m.reportsTo;
  }
  return { ok: true, chain };
}

function isDestination(def: RouteDef, member: Member, stepCount: number): boolean {
  const d = def.destination;
  return 'role' in d ? member.roles.includes(d.role) : stepCount >= d.levels;
}

/** Walks up from the reporter, passing over the subject, to the first holder of the destination role. */
function pickMembers(dir: Directory, def: RouteDef, chain: Member[], reporter: MemberId, subject: MemberId | null): Member[] {
  const picked: Member[] = [];
  for (const m of chain) {
    if (m.id === subject) continue;
    picked.push(m);
    if (isDestination(def, m, picked.length)) return picked;
  }
  // The destination sits outside the reporter's chain (a chief filing a repair): the policy still names them.
  if ('role' in def.destination) {
    const excluded = new Set([reporter, subject, ...picked.map((m) => m.id)]);
    const holder = holdersOf(dir, def.destination.role).find((h) => !excluded.has(h.id));
    if (holder) picked.push(holder);
  }
  return picked;
}

function ruleFor(def: RouteDef, member: Member, isLast: boolean): StepRule {
  const byRank = def.levels.byRank?.[member.rank];
  const rule = (isLast ? def.levels.destination : undefined) ?? byRank ?? def.levels.default;
  // Whoever ends the route must decide it; an "informed" destination would leave the report nowhere.
  return isLast ? { mode: 'act', slaHours: rule.slaHours } : rule;
}

function toStep(dir: Directory, def: RouteDef, m: Member, isLast: boolean, req: RouteRequest): RouteStep {
  const rule = ruleFor(def, m, isLast);
  const delegate = activeDelegate(dir, m.id, req.at);
  const usable = delegate !== undefined && delegate !== req.subject && delegate !== req.reporter;
  return { member: m.id, mode: rule.mode, slaHours: rule.slaHours, ...(usable ? { delegate } : {}) };
}

export function resolveRoute(dir: Directory, req: RouteRequest): Result<{ route: ResolvedRoute }, RouteRefusalCode> {
  const def = dir.routes.get(req.type);
  if (!def || !dir.types.has(req.type)) return refuse('unknown_type', `no report type "${req.type}" in ${dir.config.id}`);
  const reporter = dir.byId.get(req.reporter);
  if (!reporter) return refuse('unknown_member', `no member "${req.reporter}" in ${dir.config.id}`);
  const subject = req.subject ?? null;
  if (subject !== null && !dir.byId.has(subject)) return refuse('unknown_member', `no member "${subject}" in ${dir.config.id}`);
  const above = chainAbove(dir, reporter);
  if (!above.ok) return above;
  const members = pickMembers(dir, def, above.chain, reporter.id, subject);
  if (members.length === 0) return refuse('no_route', `nobody above ${reporter.id} can receive a ${req.type} report`);
  const steps = members.map((m, i) => toStep(dir, def, m, i === members.length - 1, req));
  const notify = def.notifyRoles
    .flatMap((role) => holdersOf(dir, role))
    .map((m) => m.id)
    .filter((id, i, all) => id !== reporter.id && id !== subject && all.indexOf(id) === i);
  const escalateTo = def.escalateTo && holdersOf(dir, def.escalateTo.role).find((m) => m.id !== reporter.id && m.id !== subject)?.id;
  return { ok: true, route: { steps, notify, ...(escalateTo ? { escalateTo } : {}) } };
}
