import type { ReportSnapshot } from '../app/report-view.js';
import { assigneeCard } from './assignee-card.js';
import { execute, type AdaptiveCard, type Tone } from './card.js';
import { readonlyCard } from './readonly-card.js';
import { reportCardView } from './report-view.js';
import { statusCard } from './status-card.js';

import { VERBS } from './verbs.js';

export interface ReportCardExtra {
  headline?: string;
  notice?: { text: string; tone: Tone };
  /** The viewer's Teams user id: Teams then fetches the card afresh (report.view) each time they see it. */
  refreshFor?: string;
}

/** The card a viewer gets for a report: the reporter's status, the assignee's actions, or read-only. */
export function reportCard(s: ReportSnapshot, extra: ReportCardExtra = {}): AdaptiveCard {
  const { refreshFor, ...words } = extra;
  const view = reportCardView(s, words);
  const card = s.role === 'reporter' ? statusCard(view) : s.role === 'actor' ? assigneeCard(view) : readonlyCard(view);
  if (!refreshFor) return card;
  return { ...card, refresh: { action: execute('Refresh', VERBS.view, { reportId: s.report.id }), userIds: [refreshFor] } };
}
