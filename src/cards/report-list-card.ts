import { actionSet, adaptiveCard, container, execute, heading, text, type AdaptiveCard, type CardElement } from './card.js';
import { VERBS } from './verbs.js';

export interface ReportListItem {
  reportId: string;
  typeLabel: string;
  stateLabel: string;
  updated: string;
  detail?: string;
}

export interface ReportListView {
  title: string;
  empty: string;
  items: ReportListItem[];
}

function row(item: ReportListItem): CardElement {
  return container(
    [
      text(`${item.typeLabel} ${item.reportId}`, { weight: 'Bolder' }),
      text(`${item.stateLabel} · updated ${item.updated}${item.detail ? ` · ${item.detail}` : ''}`, { size: 'Small', subtle: true, spacing: 'None' }),
      actionSet([execute('Open', VERBS.view, { reportId: item.reportId })]),
    ],
    { separator: true },
  );
}

/** "My reports" and "My inbox": one row per report, each opening its current card. */
export function reportListCard(v: ReportListView): AdaptiveCard {
  return adaptiveCard([heading(v.title), ...(v.items.length === 0 ? [text(v.empty)] : v.items.map(row))]);
}
