import { adaptiveCard, execute, type AdaptiveCard } from './card.js';
import { details, header, history, route } from './report-parts.js';
import type { ReportCardView } from './report-view.js';
import { VERBS } from './verbs.js';

/** For someone who may read the report but not act on it now (informed levels, the Chief, earlier levels). */
export function readonlyCard(v: ReportCardView): AdaptiveCard {
  return adaptiveCard([...header(v), ...details(v), ...route(v), ...history(v)], [execute('Refresh', VERBS.view, { reportId: v.reportId })]);
}
