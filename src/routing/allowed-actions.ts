import { applyAction, type ActionCommand } from './act.js';
import type { Directory } from './directory.js';
import type { MemberId, Report } from './types.js';

export type ReportAction = ActionCommand['action'];

/** In the order a card shows them: moving it on first, deciding next, the reporter's own actions last. */
export const CARD_ACTIONS: readonly ReportAction[] = [
  'forward', 'approve', 'deny', 'resolve', 'close', 'hand_to_contractor', 'return', 'escalate', 'resubmit', 'withdraw',
];

/** Stand-ins for the inputs an action may require, so the probe asks only "may this member do this now?". */
const PROBE = { commandId: 'probe', comment: 'probe', reference: 'probe' };

/**
 * What `member` may do to the report at `at`, asked of the state machine itself: a card shows exactly the
 * buttons the lifecycle would accept, and a rule changed there changes the cards with it.
 */
export function allowedActions(dir: Directory, report: Report, member: MemberId, at: Date): ReportAction[] {
  return CARD_ACTIONS.filter((action) => applyAction(dir, report, { action, actor: member, ...PROBE }, at).ok);
}
