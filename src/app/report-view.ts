import { allowedActions, type ReportAction } from '../routing/allowed-actions.js';
import { memberByAad, type Directory } from '../routing/directory.js';
import type { Clock } from '../routing/ports.js';
import { refuse, type Refusal } from '../routing/result.js';
import type { AuditEvent, Member, Report } from '../routing/types.js';
import type { DirectoryStore } from '../store/directory-store.js';
import type { ReportDesk } from './reports.js';

/** How the viewer stands to the report: it decides which card they get. */
export type ViewerRole = 'reporter' | 'actor' | 'reader';

/** A report as one member may see it now, with the actions the lifecycle allows them. */
export interface ReportSnapshot {
  dir: Directory;
  report: Report;
  trail: AuditEvent[];
  viewer: Member;
  role: ViewerRole;
  allowed: ReportAction[];
  at: Date;
}

export type SnapshotOutcome = { ok: true; snapshot: ReportSnapshot } | Refusal;

/** The read side of a report for one viewer; confidentiality is ReportDesk.show's. */
export class ReportViews {
  constructor(private readonly deps: { directory: DirectoryStore; reports: ReportDesk; clock: Clock }) {}

  async forViewer(departmentId: string, reportId: string, viewerAad: string): Promise<SnapshotOutcome> {
    const shown = await this.deps.reports.show(departmentId, reportId, viewerAad);
    if (!shown.ok) return shown;
    const dir = await this.deps.directory.directory(departmentId);
    const viewer = dir && memberByAad(dir, viewerAad);
    if (!dir || !viewer) return refuse('unknown_member', 'Your account is not on the roster.');
    return { ok: true, snapshot: snapshotOf(dir, shown.report, shown.trail, viewer, this.deps.clock.now()) };
  }
}

export function snapshotOf(dir: Directory, report: Report, trail: AuditEvent[], viewer: Member, at: Date): ReportSnapshot {
  const allowed = allowedActions(dir, report, viewer.id, at);
  const role: ViewerRole = viewer.id === report.reporter ? 'reporter' : allowed.length > 0 ? 'actor' : 'reader';
  return { dir, report, trail, viewer, role, allowed, at };
}
