import { allowedActions } from '../routing/allowed-actions.js';
import type { Clock } from '../routing/ports.js';
import { chainAbove } from '../routing/resolve-route.js';
import { refuse, type Refusal } from '../routing/result.js';
import type { Member, Report } from '../routing/types.js';
import type { ReportQueries } from '../store/report-store.js';
import { howToJoin, type Who } from './identify.js';

/** Enough for a card; older reports stay in the store and the admin export. */
export const LIST_LIMIT = 15;

export type ListOutcome = { ok: true; reports: Report[] } | Refusal;
export type ChainOutcome = { ok: true; member: Member; chain: Member[] } | Refusal;

/** "My reports", "my inbox" and "my chain of command". */
export class Listings {
  constructor(private readonly deps: { queries: ReportQueries; clock: Clock }) {}

  async mine(who: Who): Promise<ListOutcome> {
    if (!who.member) return refuse('not_on_roster', howToJoin(who.dir));
    return { ok: true, reports: (await this.deps.queries.filedBy(who.dir.config.id, who.member.id)).slice(0, LIST_LIMIT) };
  }

  /** Open reports the member may move on now: as assignee, acting supervisor or from above; their own filings are not inbox. */
  async inbox(who: Who): Promise<ListOutcome> {
    const member = who.member;
    if (!member) return refuse('not_on_roster', howToJoin(who.dir));
    const now = this.deps.clock.now();
    const open = await this.deps.queries.open(who.dir.config.id);
    const mine = open.filter((r) => r.reporter !== member.id && allowedActions(who.dir, r, member.id, now).length > 0);
    return { ok: true, reports: mine.slice(0, LIST_LIMIT) };
  }

  chain(who: Who): ChainOutcome {
    if (!who.member) return refuse('not_on_roster', howToJoin(who.dir));
    const above = chainAbove(who.dir, who.member);
    return above.ok ? { ok: true, member: who.member, chain: above.chain } : refuse(above.code, above.reason);
  }
}
