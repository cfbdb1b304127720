import type { FormOffer, SectionText } from '../app/follow-ups.js';
import { adaptiveCard, execute, showCard, text, type AdaptiveCard, type CardElement } from './card.js';
import { VERBS } from './verbs.js';

export interface FollowUpsView {
  sections: SectionText[];
  approval?: FormOffer;
  report?: FormOffer;
  joinHint?: string;
}

function sectionBlock(s: SectionText): CardElement[] {
  const status = s.status === 'in_force' ? '' : ` — ${s.status.toUpperCase()}, not current policy`;
  return [text(`${s.policy} §${s.section} — ${s.title}${status}`, { weight: 'Bolder', ...(status ? { color: 'attention' as const } : {}) }), text(s.text, { size: 'Small' })];
}

/** What to do next with an answer: read the sections in full, request approval, or file the report the policy asks for. */
export function followUpsCard(v: FollowUpsView): AdaptiveCard {
  const actions: CardElement[] = [];
  if (v.approval) actions.push(execute('Request approval', VERBS.openForm, { type: v.approval.type, prefill: v.approval.prefill }, 'positive'));
  if (v.report) actions.push(execute(`Report it: ${v.report.label}`, VERBS.openForm, { type: v.report.type, prefill: v.report.prefill }, 'positive'));
  if (v.sections.length > 0) actions.push(showCard(v.sections.length === 1 ? 'Show section' : 'Show sections', v.sections.flatMap(sectionBlock)));
  const body = v.joinHint ? [text(v.joinHint, { subtle: true, size: 'Small' })] : [text('Next steps', { weight: 'Bolder', size: 'Small' })];
  return adaptiveCard(body, actions);
}
