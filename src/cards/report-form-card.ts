import type { FormState } from '../app/file-report.js';
import type { FieldDef } from '../routing/types.js';
import { adaptiveCard, execute, facts, fieldError, heading, text, type AdaptiveCard, type CardElement } from './card.js';
import { humanize } from './labels.js';
import { fieldInput, INPUTS, VERBS } from './verbs.js';

/** Fields at least this long get a multi-line box. */
const MULTILINE_FROM = 500;

function input(f: FieldDef, value: string | undefined): CardElement {
  const common = {
    id: fieldInput(f.id),
    label: f.label,
    isRequired: f.required === true,
    ...(f.required ? { errorMessage: `${f.label} is required.` } : {}),
    ...(value !== undefined ? { value } : {}),
  };
  if (f.choices) {
    return { type: 'Input.ChoiceSet', ...common, style: 'compact', choices: f.choices.map((c) => ({ title: humanize(c), value: c })) };
  }
  const max = f.maxLength ?? 4000;
  return { type: 'Input.Text', ...common, maxLength: max, isMultiline: max >= MULTILINE_FROM };
}

function subjectInput(form: FormState): CardElement[] {
  if (!form.subjects) return [];
  const choices = form.subjects.map((m) => ({ title: `${m.name} (${m.title})`, value: m.id }));
  const picker: CardElement = {
    type: 'Input.ChoiceSet', id: INPUTS.subject, label: 'Employee involved (optional)', style: 'filtered', choices,
    ...(form.subject ? { value: form.subject } : {}),
  };
  return [picker, ...fieldError(form.errors[INPUTS.subject])];
}

/** A report or request form; shown again with the user's values and a message by each field the bot refused. */
export function reportFormCard(form: FormState): AdaptiveCard {
  const { type } = form;
  const body: CardElement[] = [
    heading(type.label, 'Large'),
    facts([['Department', form.departmentName], ['Policy', type.policyBasis.join('; ') || undefined], ['Reference', form.reportId]]),
    ...(form.summary ? [text(form.summary, { color: 'attention', weight: 'Bolder' })] : []),
    ...type.fields.flatMap((f) => [input(f, form.values[f.id]), ...fieldError(form.errors[f.id])]),
    ...subjectInput(form),
    text('Never type a password into a report: describe what happened without it.', { subtle: true, size: 'Small' }),
  ];
  return adaptiveCard(body, [execute('Submit', VERBS.submitReport, { type: type.id, reportId: form.reportId }, 'positive')]);
}
