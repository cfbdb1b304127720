import type { ReportSnapshot } from '../app/report-view.js';
import { assigneeCard } from './assignee-card.js';
import type { AdaptiveCard, Tone } from './card.js';
import { readonlyCard } from './readonly-card.js';
import { reportCardView } from './report-view.js';
import { statusCard } from './status-card.js';

/** The card a viewer gets for a report: the reporter's status, the assignee's actions, or read-only. */
export function reportCard(s: ReportSnapshot, extra: { headline?: string; notice?: { text: string; tone: Tone } } = {}): AdaptiveCard {
  const view = reportCardView(s, extra);
  if (s.role === 'reporter') return statusCard(view);
  return s.role === 'actor' ? assigneeCard(view) : readonlyCard(view);
}
