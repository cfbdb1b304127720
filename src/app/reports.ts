import { applyAction, type ActionCommand, type ActRefusalCode } from '../routing/act.js';
import { canRead } from '../routing/authority.js';
import { memberByAad, type Directory } from '../routing/directory.js';
import type { Clock, IdGenerator } from '../routing/ports.js';
import { refuse, type Refusal } from '../routing/result.js';
import { submitReport, type SubmitRefusalCode } from '../routing/submit.js';
import { describeState } from '../routing/transition.js';
import type { AuditEvent, LastTransition, Member, MemberId, Report } from '../routing/types.js';
import type { DirectoryStore } from '../store/directory-store.js';
import { owedBy, type ReportStore, type StoredReport } from '../store/report-store.js';

type LookupCode = 'unknown_department' | 'unknown_member' | 'not_found';

/** `owed`: the outbox entries the transition wrote, to send now; empty for a replay (whatever it owed is already queued). */
export type FileOutcome = { ok: true; report: Report; replayed: boolean; owed: string[] } | Refusal<SubmitRefusalCode | LookupCode | 'duplicate_id'>;

export type ActOutcome =
  | { ok: true; report: Report; replayed: boolean; owed: string[] }
  | (Refusal<ActRefusalCode | LookupCode | 'conflict'> & { actedFirst?: LastTransition; current?: Report });

export type ShowOutcome = { ok: true; report: Report; trail: AuditEvent[] } | Refusal<LookupCode>;

export interface FileInput {
  departmentId: string;
  reporterAad: string;
  type: string;
  subject?: MemberId | null;
  fields: Record<string, unknown>;
  /** Given by the caller when a retry must land on the same report. */
  reportId?: string;
}

export interface ActInput {
  departmentId: string;
  reportId: string;
  /** The AAD object id from the Teams activity, never from card data; 'system' only for the deadline sweep. */
  actor: { aadObjectId: string } | 'system';
  action: ActionCommand['action'];
  /** The version the actor saw: acting on anything newer is refused, so no click applies twice. */
  expectedVersion: number;
  commandId: string;
  comment?: string;
  reference?: string;
  fields?: Record<string, unknown>;
}

const NOT_FOUND = (id: string) => refuse('not_found', `There is no report ${id} that you may see.`);
/** Enough for the rare replace lost to another writer merely finishing its pending items. */
const COMMIT_ATTEMPTS = 3;

/** Filing, acting on and reading reports: the one place that ties the pure lifecycle to storage. */
export class ReportDesk {
  constructor(
    private readonly deps: { directory: DirectoryStore; reports: ReportStore; clock: Clock; ids: IdGenerator },
  ) {}

  /** The department's directory and, when an AAD object id is given, the member it belongs to. */
  private async lookup(departmentId: string, aad: string): Promise<{ dir: Directory; member: Member } | Refusal<LookupCode>>;
  private async lookup(departmentId: string, aad: string | undefined): Promise<{ dir: Directory; member?: Member } | Refusal<LookupCode>>;
  private async lookup(departmentId: string, aad: string | undefined): Promise<{ dir: Directory; member?: Member } | Refusal<LookupCode>> {
    const dir = await this.deps.directory.directory(departmentId);
    if (!dir) return refuse('unknown_department', `No department "${departmentId}".`);
    if (aad === undefined) return { dir };
    const member = memberByAad(dir, aad);
    return member ? { dir, member } : refuse('unknown_member', `Your account is not on the ${dir.config.name} roster.`);
  }

  async file(input: FileInput): Promise<FileOutcome> {
    const found = await this.lookup(input.departmentId, input.reporterAad);
    if ('ok' in found) return found;
    const reportId = input.reportId ?? this.deps.ids.next();
    const cmd = { reportId, commandId: `submit:${reportId}`, type: input.type, reporter: found.member.id, subject: input.subject, fields: input.fields };
    const t = submitReport(found.dir, cmd, this.deps.clock.now());
    if (!t.ok) return t;
    const created = await this.deps.reports.create(t);
    if (created.ok) return { ok: true, report: t.report, replayed: false, owed: owedBy(t) };
    const existing = await this.deps.reports.settled(input.departmentId, reportId);
    if (existing?.report.reporter === found.member.id && existing.report.type === input.type) return { ok: true, report: existing.report, replayed: true, owed: [] };
    return refuse('duplicate_id', `A report ${reportId} already exists.`);
  }

  async act(input: ActInput): Promise<ActOutcome> {
    const found = await this.lookup(input.departmentId, input.actor === 'system' ? undefined : input.actor.aadObjectId);
    if ('ok' in found) return found;
    const { dir, member } = found;
    const actor = member?.id ?? 'system';
    let stored = await this.deps.reports.settled(input.departmentId, input.reportId);
    const now = this.deps.clock.now();
    if (!stored || (member && !canRead(dir, stored.report, member.id, now))) return NOT_FOUND(input.reportId);
    for (let attempt = 0; stored && attempt < COMMIT_ATTEMPTS; attempt++) {
      const seen = await this.alreadyDecided(dir, stored, input);
      if (seen) return seen;
      const t = applyAction(dir, stored.report, { ...input, actor }, now);
      if (!t.ok) return t;
      const committed = await this.deps.reports.commit(stored, t);
      if (committed.ok) return { ok: true, report: t.report, replayed: false, owed: owedBy(t) };
      stored = await this.deps.reports.settled(input.departmentId, input.reportId);
    }
    return stored ? conflict(dir, stored.report) : NOT_FOUND(input.reportId);
  }

  /** A replay of this very command, or a report that has moved on since the actor saw it. */
  private async alreadyDecided(dir: Directory, stored: StoredReport, input: ActInput): Promise<ActOutcome | undefined> {
    const { report } = stored;
    if (report.lastTransition.commandId === input.commandId) return { ok: true, report, replayed: true, owed: [] };
    if (report.version === input.expectedVersion) return undefined;
    const trail = await this.deps.reports.trail(input.departmentId, input.reportId, stored);
    if (trail.some((e) => e.commandId === input.commandId)) return { ok: true, report, replayed: true, owed: [] };
    return conflict(dir, report);
  }

  /** The report and its audit trail, for those allowed to see it; `viewerAad` undefined is the department admin's export. */
  async show(departmentId: string, reportId: string, viewerAad?: string): Promise<ShowOutcome> {
    const found = await this.lookup(departmentId, viewerAad);
    if ('ok' in found) return found;
    const { dir, member: viewer } = found;
    const stored = await this.deps.reports.settled(departmentId, reportId);
    if (!stored || (viewer && !canRead(dir, stored.report, viewer.id, this.deps.clock.now()))) return NOT_FOUND(reportId);
    return { ok: true, report: stored.report, trail: await this.deps.reports.trail(departmentId, reportId, stored) };
  }
}

function conflict(dir: Directory, report: Report): ActOutcome {
  const last = report.lastTransition;
  const who = last.by === 'system' ? 'The deadline sweep' : (dir.byId.get(last.by)?.name ?? last.by);
  const reason = `${who} acted first (${last.action} at ${last.at}); the report is now ${describeState(report.state)}.`;
  return { ok: false, code: 'conflict', reason, actedFirst: last, current: report };
}
