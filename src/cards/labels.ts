import type { Verdict } from '../policy/types.js';
import type { ReportAction } from '../routing/allowed-actions.js';
import type { AuditAction, ReportState } from '../routing/types.js';
import type { Tone } from './card.js';

export const STATE_LABELS: Record<ReportState, string> = {
  pending: 'In review',
  at_destination: 'With the final decision-maker',
  returned: 'Returned for information',
  with_contractor: 'With the IT contractor',
  resolved: 'Resolved',
  approved: 'Approved',
  denied: 'Denied',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

export const STATE_TONES: Record<ReportState, Tone> = {
  pending: 'accent', at_destination: 'accent', returned: 'warning', with_contractor: 'accent',
  resolved: 'good', approved: 'good', denied: 'attention', closed: 'default', withdrawn: 'default',
};

export const ACTION_TITLES: Record<ReportAction, string> = {
  forward: 'Forward up the chain',
  return: 'Return for information',
  resubmit: 'Resubmit',
  withdraw: 'Withdraw',
  escalate: 'Take it up (escalate)',
  resolve: 'Resolve',
  approve: 'Approve',
  deny: 'Deny',
  close: 'Close',
  hand_to_contractor: 'Hand to IT contractor',
};

export const ACTION_STYLES: Partial<Record<ReportAction, 'positive' | 'destructive'>> = {
  forward: 'positive', approve: 'positive', resolve: 'positive', deny: 'destructive', withdraw: 'destructive',
};

/** For the history: "Riley Chen forwarded it". */
export const ACTION_DONE: Record<AuditAction, string> = {
  submit: 'filed it',
  forward: 'forwarded it',
  return: 'returned it for information',
  resubmit: 'resubmitted it',
  withdraw: 'withdrew it',
  escalate: 'escalated it',
  resolve: 'resolved it',
  approve: 'approved it',
  deny: 'denied it',
  close: 'closed it',
  hand_to_contractor: 'handed it to the IT contractor',
  reassign: 'reassigned it',
};

export function verdictLabel(verdict: Verdict, who?: string): string {
  switch (verdict) {
    case 'allowed': return 'Allowed';
    case 'allowed_with_conditions': return 'Allowed, with conditions';
    case 'needs_approval': return who ? `Needs approval from the ${who}` : 'Needs approval';
    case 'prohibited': return 'Not allowed';
    case 'must_report': return who ? `You must report it to the ${who}` : 'You must report it';
    case 'info': return 'What the policy says';
    case 'not_addressed': return 'Not covered by the policy';
  }
}

/** "post_image_uniform" → "Post image uniform". */
export function humanize(value: string): string {
  const words = value.replaceAll('_', ' ').replaceAll('-', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "2025-06-02T09:00:00.000Z" → "2025-06-02 09:00 UTC". */
export function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
