import type { FieldDef } from '../routing/types.js';
import { adaptiveCard, container, execute, text, type AdaptiveCard, type CardElement } from './card.js';
import { details, header, history, route } from './report-parts.js';
import type { ReportCardView } from './report-view.js';
import { humanize } from './labels.js';
import { fieldInput, VERBS } from './verbs.js';

function correction(f: FieldDef, value: string | undefined): CardElement {
  const max = f.maxLength ?? 4000;
  if (f.choices) {
    return { type: 'Input.ChoiceSet', id: fieldInput(f.id), label: f.label, style: 'compact', choices: f.choices.map((c) => ({ title: humanize(c), value: c })), ...(value ? { value } : {}) };
  }
  return { type: 'Input.Text', id: fieldInput(f.id), label: f.label, maxLength: max, isMultiline: max >= 500, ...(value ? { value } : {}) };
}

function resubmitInputs(v: ReportCardView): CardElement[] {
  if (!v.resubmit) return [];
  const { fields, values } = v.resubmit;
  return [container([text('Add what was asked for, then resubmit:', { weight: 'Bolder' }), ...fields.map((f) => correction(f, values[f.id]))], { separator: true })];
}

/** The reporter's card: where their report is, who has it, what happened; withdraw or resubmit when they may. */
export function statusCard(v: ReportCardView): AdaptiveCard {
  const body = [...header(v), ...details(v), ...route(v), ...history(v), ...resubmitInputs(v)];
  const actions = [
    ...v.actions.map((a) => execute(a.title, VERBS.act, { reportId: v.reportId, action: a.action, version: v.version }, a.style)),
    execute('Refresh', VERBS.view, { reportId: v.reportId }),
  ];
  return adaptiveCard(body, actions);
}
