/**
 * Every verb and input id the cards use, in one place: the handlers route on these and read these, so a card
 * and its handler cannot drift apart.
 */
export const VERBS = {
  /** Show a report form: { type, prefill? } */
  openForm: 'form.open',
  /** File the form: { type, reportId } plus the form's inputs. */
  submitReport: 'report.submit',
  /** Act on a report: { reportId, action, version } plus comment / reference / corrected fields. */
  act: 'report.act',
  /** The report as it stands now, for whoever asks: { reportId } */
  view: 'report.view',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** Form inputs are named `field_<id>` so they can never collide with the action's own data. */
export const FIELD_PREFIX = 'field_';
export const fieldInput = (fieldId: string) => `${FIELD_PREFIX}${fieldId}`;

export const INPUTS = {
  subject: 'subject',
  comment: 'comment',
  reference: 'reference',
} as const;
