import type { TurnContext } from 'botbuilder';
import type { Who } from '../app/identify.js';
import { STATE_LABELS, when } from '../cards/labels.js';
import { reportListCard, type ReportListItem } from '../cards/report-list-card.js';
import type { Report } from '../routing/types.js';
import { cardActivity } from './card-activity.js';
import type { TurnDeps } from './turn.js';

function item(who: Who, r: Report, kind: 'mine' | 'inbox'): ReportListItem {
  const holder = r.route.steps[r.step]?.member;
  const detail = kind === 'inbox' ? `from ${who.dir.byId.get(r.reporter)?.name ?? r.reporter}` : holder ? `with ${who.dir.byId.get(holder)?.name ?? holder}` : undefined;
  return {
    reportId: r.id, typeLabel: who.dir.types.get(r.type)?.label ?? r.type, stateLabel: STATE_LABELS[r.state], updated: when(r.updatedAt),
    ...(detail ? { detail } : {}),
  };
}

/** "my reports" and "my inbox" as one card each. */
export async function listCard(ctx: TurnContext, deps: TurnDeps, who: Who, kind: 'mine' | 'inbox'): Promise<void> {
  const listed = kind === 'mine' ? await deps.services.listings.mine(who) : await deps.services.listings.inbox(who);
  if (!listed.ok) return void (await ctx.sendActivity(listed.reason));
  const view = kind === 'mine'
    ? { title: 'My reports', empty: 'You have not filed any reports or requests.', items: listed.reports.map((r) => item(who, r, kind)) }
    : { title: 'My inbox', empty: 'Nothing is waiting for you.', items: listed.reports.map((r) => item(who, r, kind)) };
  await ctx.sendActivity(cardActivity(reportListCard(view), view.title));
}
