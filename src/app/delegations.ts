import { delegationDeadline } from '../routing/deadlines.js';
import { planDelegation, type DelegationRefusalCode } from '../routing/delegation.js';
import { delegationWindow, type Directory } from '../routing/directory.js';
import type { Clock } from '../routing/ports.js';
import { refuse, type Refusal } from '../routing/result.js';
import type { Delegation, Member } from '../routing/types.js';
import type { DeadlineStore } from '../store/deadline-store.js';
import type { DirectoryStore } from '../store/directory-store.js';
import { howToJoin, type Who } from './identify.js';
import type { DeadlineSweeper } from './sweep-deadlines.js';

export interface DelegateRequest {
  /** A member id or name, as typed. */
  delegate: string;
  start: string;
  end: string;
}

export type DelegateOutcome =
  | { ok: true; delegation: Delegation; delegate: Member; existing: boolean; startsNow: boolean; rerouted: number }
  | Refusal<DelegationRefusalCode | 'not_on_roster' | 'conflict'>;

/** Two imports at once: the loser tries again on what the winner stored. */
const IMPORT_ATTEMPTS = 3;

/** The member `name` names: by id, by full name, or by a part of a name only one member has. */
export function memberNamed(dir: Directory, name: string): Member | undefined {
  const said = name.trim().toLowerCase();
  const byId = dir.byId.get(said);
  if (byId) return byId;
  const exact = dir.config.members.filter((m) => m.name.toLowerCase() === said);
  if (exact.length === 1) return exact[0];
  const partial = dir.config.members.filter((m) => m.name.toLowerCase().includes(said));
  return partial.length === 1 ? partial[0] : undefined;
}

/**
 * A supervisor names an acting supervisor for a period. It is stored as the department's own delegation (the
 * routing core then lets the delegate act and sends them new work), and a deadline at its start hands the
 * levels the supervisor holds to the delegate: at once when the period has begun, else when the sweep reaches it.
 */
export class Delegating {
  constructor(private readonly deps: { directory: DirectoryStore; deadlines: DeadlineStore; sweeper: DeadlineSweeper; clock: Clock }) {}

  async delegate(who: Who, req: DelegateRequest): Promise<DelegateOutcome> {
    if (!who.member) return refuse('not_on_roster', howToJoin(who.dir));
    const delegate = memberNamed(who.dir, req.delegate);
    if (!delegate) return refuse('unknown_member', `Nobody on the ${who.dir.config.name} roster is called "${req.delegate}". Use their name as the roster has it.`);
    const departmentId = who.dir.config.id;
    const now = this.deps.clock.now();
    const stored = await this.store(departmentId, { member: who.member.id, delegate: delegate.id, start: req.start, end: req.end }, now);
    if (!stored.ok) return stored;
    const { delegation, existing } = stored;
    const startsAt = delegationWindow(delegation).start;
    const deadline = delegationDeadline(departmentId, delegation, new Date(Math.max(startsAt, now.getTime())));
    await this.deps.deadlines.add(deadline);
    const startsNow = startsAt <= now.getTime();
    let rerouted = 0;
    if (startsNow) {
      const due = await this.deps.deadlines.get(departmentId, deadline.id);
      const fired = due && due.state !== 'done' ? await this.deps.sweeper.fire(due, now) : undefined;
      rerouted = fired?.count ?? 0;
    }
    return { ok: true, delegation, delegate, existing, startsNow, rerouted };
  }

  private async store(departmentId: string, req: Parameters<typeof planDelegation>[1], now: Date) {
    for (let attempt = 0; attempt < IMPORT_ATTEMPTS; attempt++) {
      const dir = await this.deps.directory.directory(departmentId);
      if (!dir) break;
      const planned = planDelegation(dir, req, now);
      if (!planned.ok || planned.existing) return planned;
      const imported = await this.deps.directory.import({ id: departmentId, delegations: [...dir.config.delegations, planned.delegation] });
      if (imported.ok) return planned;
      const other = imported.issues.find((i) => i.code !== 'conflict');
      if (other) return refuse('invalid_delegation', other.message);
    }
    return refuse('conflict', 'The roster was being changed at the same moment. Please try again.');
  }
}
