import type { ReportAction } from '../routing/allowed-actions.js';
import { refuse, type Refusal } from '../routing/result.js';
import type { Report } from '../routing/types.js';
import { howToJoin, type Who } from './identify.js';
import type { ReportSnapshot, ReportViews } from './report-view.js';
import type { ReportDesk } from './reports.js';

export interface ActRequest {
  reportId: string;
  action: ReportAction;
  /** The version the card showed: acting on anything newer is refused. */
  version: number;
  comment?: string;
  reference?: string;
  fields?: Record<string, unknown>;
}

export type ActingOutcome =
  | { ok: true; snapshot: ReportSnapshot; report: Report; replayed: boolean; owed: string[] }
  /** Refused; `snapshot` is the report as it stands when the actor may still see it. */
  | (Refusal & { snapshot?: ReportSnapshot });

/** One click on a report card: the actor is who Teams says clicked, never anything the card carried. */
export class ReportActing {
  constructor(private readonly deps: { reports: ReportDesk; views: ReportViews }) {}

  async act(who: Who, req: ActRequest): Promise<ActingOutcome> {
    if (!who.member) return refuse('not_on_roster', howToJoin(who.dir));
    const departmentId = who.dir.config.id;
    const aad = who.member.aadObjectId;
    const done = await this.deps.reports.act({
      departmentId, reportId: req.reportId, actor: { aadObjectId: aad }, action: req.action, expectedVersion: req.version,
      // The same click retried (same card version, same person) is one command, applied once.
      commandId: `${req.reportId}:v${req.version}:${req.action}:${who.member.id}`,
      ...(req.comment ? { comment: req.comment } : {}),
      ...(req.reference ? { reference: req.reference } : {}),
      ...(req.fields ? { fields: req.fields } : {}),
    });
    const view = await this.deps.views.forViewer(departmentId, req.reportId, aad);
    if (!done.ok) return { ok: false, code: done.code, reason: done.reason, ...(view.ok ? { snapshot: view.snapshot } : {}) };
    if (!view.ok) return view;
    return { ok: true, snapshot: view.snapshot, report: done.report, replayed: done.replayed, owed: done.owed };
  }

  async view(who: Who, reportId: string): Promise<ActingOutcome> {
    if (!who.member) return refuse('not_on_roster', howToJoin(who.dir));
    const view = await this.deps.views.forViewer(who.dir.config.id, reportId, who.member.aadObjectId);
    return view.ok ? { ok: true, snapshot: view.snapshot, report: view.snapshot.report, replayed: false, owed: [] } : view;
  }
}
