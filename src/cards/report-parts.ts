import { container, facts, heading, text, type CardElement } from './card.js';
import type { ReportCardView } from './report-view.js';

const STEP_MARK = { done: '✓', current: '➜', waiting: '·' } as const;

export function header(v: ReportCardView): CardElement[] {
  return [
    ...(v.headline ? [text(v.headline, { weight: 'Bolder', color: 'accent' })] : []),
    heading(`${v.typeLabel} ${v.reportId}`),
    text(`${v.stateLabel} · ${v.departmentName}`, { color: v.stateTone, weight: 'Bolder', spacing: 'None' }),
    ...(v.notice ? [container([text(v.notice.text, { color: v.notice.tone })], { style: 'emphasis' })] : []),
  ];
}

export function details(v: ReportCardView): CardElement[] {
  return [facts(v.facts), ...(v.fields.length > 0 ? [facts(v.fields)] : [])];
}

export function route(v: ReportCardView): CardElement[] {
  const lines = v.steps.map((s) => `${STEP_MARK[s.status]} ${s.name}${s.title ? `, ${s.title}` : ''}${s.informed ? ' (informed)' : ''}`);
  return [container([text('Route', { weight: 'Bolder' }), text(lines.join('\n\n'), { size: 'Small' })], { separator: true })];
}

export function history(v: ReportCardView): CardElement[] {
  const lines = v.history.map((h) => `${h.at} — ${h.text}`);
  return [container([text('History', { weight: 'Bolder' }), text(lines.join('\n\n') || 'Nothing yet.', { size: 'Small' })], { separator: true })];
}
