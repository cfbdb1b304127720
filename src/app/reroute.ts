import { reassignEvent } from '../routing/delegation.js';
import { activeDelegate } from '../routing/directory.js';
import type { Delegation } from '../routing/types.js';
import type { DirectoryStore } from '../store/directory-store.js';
import { outboxEntry, type OutboxStore } from '../store/outbox-store.js';
import type { ReportQueries, ReportStore } from '../store/report-store.js';

export interface RerouteDeps {
  directory: DirectoryStore;
  reports: ReportStore;
  queries: ReportQueries;
  outbox: OutboxStore;
}

/**
 * Hands the levels the delegator holds to their acting supervisor: an audit event ("reassigned, acting for") and a
 * card for each open report, under ids derived from the delegation, so doing it again changes nothing. Who may act
 * is the routing core's (an active delegate may); this makes sure the delegate knows and the trail says so.
 */
export async function rerouteToDelegate(deps: RerouteDeps, departmentId: string, delegation: Delegation, now: Date): Promise<number> {
  const dir = await deps.directory.directory(departmentId);
  if (!dir || activeDelegate(dir, delegation.member, now) !== delegation.delegate) return 0;
  const held = (await deps.queries.open(departmentId)).filter(
    (r) => (r.state === 'pending' || r.state === 'at_destination') && r.route.steps[r.step]?.member === delegation.member
      && r.reporter !== delegation.delegate && r.subject !== delegation.delegate,
  );
  for (const report of held) {
    await deps.reports.appendEvent(reassignEvent(report, delegation, now));
    const id = `${report.id}:${report.version}:delegated:${delegation.id}`;
    const entry = { id, departmentId, reportId: report.id, version: report.version, purpose: 'card' as const, member: delegation.delegate, reason: 'delegated' as const };
    await deps.outbox.enqueue([outboxEntry(entry, now.toISOString())]);
  }
  return held.length;
}
