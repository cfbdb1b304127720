import type { ReportSnapshot } from '../app/report-view.js';
import type { ReportAction } from '../routing/allowed-actions.js';
import type { Directory } from '../routing/directory.js';
import { TERMINAL_STATES, type AuditEvent, type FieldDef, type MemberId, type Report } from '../routing/types.js';
import type { Tone } from './card.js';
import { ACTION_DONE, ACTION_STYLES, ACTION_TITLES, STATE_LABELS, STATE_TONES, when } from './labels.js';

export interface StepView {
  name: string;
  title: string;
  status: 'done' | 'current' | 'waiting';
  informed: boolean;
}

export interface HistoryView {
  at: string;
  text: string;
}

/** Everything a report card shows, already in words; the three report cards render it. */
export interface ReportCardView {
  reportId: string;
  version: number;
  typeLabel: string;
  departmentName: string;
  stateLabel: string;
  stateTone: Tone;
  headline?: string;
  notice?: { text: string; tone: Tone };
  facts: Array<[string, string | undefined]>;
  fields: Array<[string, string]>;
  steps: StepView[];
  history: HistoryView[];
  actions: Array<{ action: ReportAction; title: string; style?: 'positive' | 'destructive' }>;
  needsComment: boolean;
  needsReference: boolean;
  /** For the reporter of a returned report: the fields to correct, as they stand. */
  resubmit?: { fields: FieldDef[]; values: Record<string, string> };
}

const name = (dir: Directory, id: MemberId | 'system') => (id === 'system' ? 'The system' : (dir.byId.get(id)?.name ?? id));

function stepsOf(dir: Directory, report: Report): StepView[] {
  const over = TERMINAL_STATES.includes(report.state);
  return report.route.steps.map((s, i) => {
    const m = dir.byId.get(s.member);
    const status = i < report.step || (over && i === report.step) ? 'done' : i === report.step && report.state !== 'returned' ? 'current' : 'waiting';
    return { name: m?.name ?? s.member, title: m?.title ?? '', status, informed: s.mode === 'inform' };
  });
}

/** "Escalated by the system: SLA of 24 h missed by Riley Chen"; "Reassigned to Sam Ortiz, acting for Riley Chen". */
function systemText(dir: Directory, e: AuditEvent): string | undefined {
  if (e.action === 'escalate' && e.missed) return `Escalated by the system: SLA of ${e.missed.slaHours} h missed by ${name(dir, e.missed.member)}`;
  if (e.action === 'reassign' && e.delegate && e.actingFor) return `Reassigned to ${name(dir, e.delegate)}, acting for ${name(dir, e.actingFor)}`;
  return undefined;
}

function historyOf(s: ReportSnapshot): HistoryView[] {
  return s.trail.map((e) => {
    const made = systemText(s.dir, e);
    if (made) return { at: when(e.at), text: made };
    const acting = e.actingFor ? `, acting for ${name(s.dir, e.actingFor)},` : '';
    const extra = [e.comment ? `“${e.comment}”` : '', e.reference ? `reference ${e.reference}` : ''].filter(Boolean).join(' · ');
    return { at: when(e.at), text: `${name(s.dir, e.actor)}${acting} ${ACTION_DONE[e.action]}${extra ? ` — ${extra}` : ''}` };
  });
}

/** The state in words; an open report that the sweep escalated says so on every copy of its card. */
function stateLabelOf(report: Report): string {
  const open = report.state === 'pending' || report.state === 'at_destination';
  return open && report.lastTransition.action === 'escalate' ? `${STATE_LABELS[report.state]} · escalated` : STATE_LABELS[report.state];
}

function factsOf(s: ReportSnapshot): Array<[string, string | undefined]> {
  const { report, dir } = s;
  const holder = report.route.steps[report.step];
  const open = !TERMINAL_STATES.includes(report.state) && report.state !== 'returned';
  return [
    ['Reference', report.id],
    ['Filed by', name(dir, report.reporter)],
    ['Employee involved', report.subject ? name(dir, report.subject) : undefined],
    ['Filed', when(report.createdAt)],
    ['With', open && holder ? name(dir, holder.member) : undefined],
    ['Due', open && report.dueAt ? when(report.dueAt) : undefined],
    ['Contractor reference', report.contractorReference],
  ];
}

export function reportCardView(s: ReportSnapshot, extra: { headline?: string; notice?: { text: string; tone: Tone } } = {}): ReportCardView {
  const { report, dir } = s;
  const type = dir.types.get(report.type);
  const fields = (type?.fields ?? []).flatMap((f): Array<[string, string]> => (report.fields[f.id] ? [[f.label, report.fields[f.id]!]] : []));
  const resubmit = s.allowed.includes('resubmit') && type ? { fields: type.fields, values: report.fields } : undefined;
  return {
    reportId: report.id, version: report.version, typeLabel: type?.label ?? report.type, departmentName: dir.config.name,
    stateLabel: stateLabelOf(report), stateTone: STATE_TONES[report.state],
    ...extra,
    facts: factsOf(s), fields, steps: stepsOf(dir, report), history: historyOf(s),
    actions: s.allowed.map((action) => ({ action, title: ACTION_TITLES[action], ...(ACTION_STYLES[action] ? { style: ACTION_STYLES[action] } : {}) })),
    needsComment: s.allowed.some((a) => a !== 'withdraw' && a !== 'resubmit'),
    needsReference: s.allowed.includes('hand_to_contractor'),
    ...(resubmit ? { resubmit } : {}),
  };
}
