import { randomUUID } from 'node:crypto';
import type { DepartmentConfig } from '../../src/routing/types.js';
import { sampleConfig } from './samples.js';

/** Someone talking to the bot from Teams, in a 1:1 chat. */
export interface Person {
  aad: string;
  name: string;
  tenantId?: string;
  conversationId: string;
}

export const BOT = { id: '28:policy-desk-bot', name: 'Policy Desk' };

export function person(dept: 'olivette' | 'long-beach', memberId: string): Person {
  const config: DepartmentConfig = sampleConfig(dept);
  const m = config.members.find((x) => x.id === memberId);
  if (!m) throw new Error(`no member ${memberId} in ${dept}`);
  return { aad: m.aadObjectId, name: m.name, tenantId: config.tenantId, conversationId: `a:personal-${m.aadObjectId}` };
}

/** Someone Teams knows but no roster lists. */
export function stranger(tenantId: string | undefined, aad = randomUUID()): Person {
  return { aad, name: 'Pat Stranger', ...(tenantId ? { tenantId } : {}), conversationId: `a:personal-${aad}` };
}

function base(p: Person, serviceUrl: string) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${p.aad}`, name: p.name, aadObjectId: p.aad },
    recipient: BOT,
    conversation: { id: p.conversationId, conversationType: 'personal', ...(p.tenantId ? { tenantId: p.tenantId } : {}) },
    channelData: p.tenantId ? { tenant: { id: p.tenantId } } : {},
    locale: 'en-US',
  };
}

export function message(p: Person, serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return { ...base(p, serviceUrl), type: 'message', text, ...extra };
}

/** An Action.Execute click: Teams sends the action's data merged with the card's inputs. */
export function cardAction(p: Person, serviceUrl: string, verb: string, data: Record<string, unknown>, replyToId?: string) {
  return {
    ...base(p, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(replyToId ? { replyToId } : {}),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function feedback(p: Person, serviceUrl: string, replyToId: string, reaction: string, text: string) {
  return {
    ...base(p, serviceUrl),
    type: 'invoke',
    name: 'message/submitAction',
    replyToId,
    value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText: text }) } },
  };
}

export function installed(p: Person, serviceUrl: string) {
  return { ...base(p, serviceUrl), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}
