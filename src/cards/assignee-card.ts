import { adaptiveCard, execute, type AdaptiveCard, type CardElement } from './card.js';
import { details, header, history, route } from './report-parts.js';
import type { ReportCardView } from './report-view.js';
import { INPUTS, VERBS } from './verbs.js';

function inputs(v: ReportCardView): CardElement[] {
  const comment: CardElement = { type: 'Input.Text', id: INPUTS.comment, label: 'Comment (required to return it)', isMultiline: true, maxLength: 4000 };
  const reference: CardElement = { type: 'Input.Text', id: INPUTS.reference, label: "IT contractor's reference (to hand it over)", maxLength: 200 };
  return [...(v.needsComment ? [comment] : []), ...(v.needsReference ? [reference] : [])];
}

/** For whoever may act on the report now: details, route, history and only the buttons the lifecycle allows them. */
export function assigneeCard(v: ReportCardView): AdaptiveCard {
  const body = [...header(v), ...details(v), ...route(v), ...history(v), ...inputs(v)];
  const actions = v.actions.map((a) => execute(a.title, VERBS.act, { reportId: v.reportId, action: a.action, version: v.version }, a.style));
  return adaptiveCard(body, actions);
}
