import { fieldErrors } from '../routing/fields.js';
import type { Clock, IdGenerator } from '../routing/ports.js';
import { refuse, type Refusal } from '../routing/result.js';
import { looksLikePassword } from '../routing/secrets.js';
import type { Member, ReportType } from '../routing/types.js';
import { prefillFrom } from './follow-ups.js';
import { howToJoin, type Who } from './identify.js';
import { newReportId, REPORT_ID } from './report-ids.js';
import type { ReportViews, ReportSnapshot } from './report-view.js';
import type { ReportDesk } from './reports.js';

/** Types whose form may name the employee involved (SPEC §2: a violation report). */
const SUBJECT_TYPES = new Set(['violation']);
export const SUBJECT_INPUT = 'subject';

/** A form as shown: the user's values and a message by each field that needs fixing. */
export interface FormState {
  type: ReportType;
  departmentName: string;
  reportId: string;
  values: Record<string, string>;
  subject?: string;
  /** Who may be named as the employee involved, when the type allows it. */
  subjects?: Pick<Member, 'id' | 'name' | 'title'>[];
  errors: Record<string, string>;
  summary?: string;
}

export interface FormSubmission {
  typeId: string;
  reportId?: unknown;
  values: Record<string, unknown>;
  subject?: unknown;
}

export type FormOutcome = { ok: true; form: FormState } | Refusal;
export type SubmitOutcome =
  | { ok: true; snapshot: ReportSnapshot; replayed: boolean; owed: string[] }
  | { ok: false; code: 'invalid_form'; reason: string; form: FormState }
  | Refusal;

/** Opening and submitting report forms; the report itself is ReportDesk's. */
export class ReportFiling {
  constructor(private readonly deps: { reports: ReportDesk; views: ReportViews; clock: Clock; ids: IdGenerator }) {}

  /** A new form; `details` is free text the user already gave ("report a problem: the MDT is dead"). */
  form(who: Who, typeId: string, prefill: Record<string, string> = {}, details?: string): FormOutcome {
    const ready = this.typeFor(who, typeId);
    if ('ok' in ready) return ready;
    const given = { ...(details ? prefillFrom(ready.type, details) : {}), ...prefill };
    const values = Object.fromEntries(ready.type.fields.flatMap((f) => (typeof given[f.id] === 'string' ? [[f.id, given[f.id]!]] : [])));
    return { ok: true, form: this.state(who, ready.type, newReportId(typeId, this.deps.clock, this.deps.ids), values, {}) };
  }

  async submit(who: Who, s: FormSubmission): Promise<SubmitOutcome> {
    const ready = this.typeFor(who, s.typeId);
    if ('ok' in ready) return ready;
    const { type, member } = ready;
    const reportId = typeof s.reportId === 'string' && REPORT_ID.test(s.reportId) ? s.reportId : newReportId(type.id, this.deps.clock, this.deps.ids);
    const fields = Object.fromEntries(type.fields.flatMap((f) => (s.values[f.id] === undefined ? [] : [[f.id, s.values[f.id]]])));
    const subject = SUBJECT_TYPES.has(type.id) && typeof s.subject === 'string' && s.subject !== '' ? s.subject : null;
    const errors = fieldErrors(type, fields);
    if (subject !== null && (!who.dir.byId.has(subject) || subject === member.id)) errors[SUBJECT_INPUT] = 'Pick someone else from the roster, or leave it empty.';
    if (Object.keys(errors).length > 0) return this.invalid(who, type, reportId, fields, subject, errors);
    const filed = await this.deps.reports.file({ departmentId: who.dir.config.id, reporterAad: member.aadObjectId, type: type.id, subject, fields, reportId });
    if (!filed.ok) {
      if (filed.code === 'invalid_fields' || filed.code === 'password_in_field') return this.invalid(who, type, reportId, fields, subject, {}, filed.reason);
      return filed;
    }
    const view = await this.deps.views.forViewer(who.dir.config.id, filed.report.id, member.aadObjectId);
    return view.ok ? { ok: true, snapshot: view.snapshot, replayed: filed.replayed, owed: filed.owed } : view;
  }

  private typeFor(who: Who, typeId: string): { type: ReportType; member: Member } | Refusal {
    if (!who.member) return refuse('not_on_roster', howToJoin(who.dir));
    const type = who.dir.types.get(typeId);
    if (!type) return refuse('unknown_type', `The ${who.dir.config.name} has no "${typeId}" form. Type "help" to see the forms there are.`);
    return { type, member: who.member };
  }

  private state(who: Who, type: ReportType, reportId: string, values: Record<string, string>, errors: Record<string, string>, summary?: string, subject?: string | null): FormState {
    const subjects = SUBJECT_TYPES.has(type.id)
      ? who.dir.config.members.filter((m) => m.id !== who.member?.id).map(({ id, name, title }) => ({ id, name, title }))
      : undefined;
    return {
      type, departmentName: who.dir.config.name, reportId, values, errors,
      ...(subjects ? { subjects } : {}), ...(subject ? { subject } : {}), ...(summary ? { summary } : {}),
    };
  }

  /** The form again, as the user left it, except any value that looks like a password: that is never echoed back. */
  private invalid(who: Who, type: ReportType, reportId: string, fields: Record<string, unknown>, subject: string | null, errors: Record<string, string>, reason?: string): SubmitOutcome {
    const values: Record<string, string> = {};
    for (const [id, v] of Object.entries(fields)) if (typeof v === 'string' && !looksLikePassword(v)) values[id] = v;
    const summary = reason ?? 'Please fix the fields marked below; nothing was filed yet.';
    const form = this.state(who, type, reportId, values, errors, summary, subject);
    return { ok: false, code: 'invalid_form', reason: summary, form };
  }
}
