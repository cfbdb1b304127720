import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Failure } from '../app/retry-policy.js';
import { withoutConnectorRetries } from './connector-retries.js';

export type Delivered = { ok: true; activityId: string; conversationId: string } | ({ ok: false } & Failure);

/** Where a copy of a card is, for updating it in place. */
export interface CardCopy {
  conversationId: string;
  activityId: string;
}

/** What the outbox sender needs from the channel: a new message, or an existing one replaced. */
export interface Transport {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<Delivered>;
  update(reference: Partial<ConversationReference>, copy: CardCopy, activity: Partial<Activity>): Promise<Delivered>;
}

/** Seconds or an HTTP date, as Retry-After allows. */
function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The connector's answer as a code ("http_429", "network") and what it asked for; never its message (it may echo content). */
export function failureOf(e: unknown, now = Date.now()): Failure {
  const err = e as { statusCode?: unknown; response?: { headers?: { get?(name: string): string | null | undefined } } };
  if (typeof err?.statusCode !== 'number') return { error: 'network' };
  const wait = retryAfterMs(err.response?.headers?.get?.('retry-after'), now);
  return { error: `http_${err.statusCode}`, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
}

/**
 * Proactive messages over the Bot Framework connector, from a member's stored conversation reference
 * (`adapter.continueConversationAsync`). Each call tries once: retrying is the outbox's job, with its own
 * backoff, so a struggling connector never holds a turn or a sweep.
 */
export class Messenger implements Transport {
  constructor(private readonly deps: { adapter: CloudAdapter; botAppId: string }) {}

  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<Delivered> {
    return this.continue(reference, async (ctx) => (await ctx.sendActivity(activity))?.id ?? '', reference.conversation?.id ?? '');
  }

  update(reference: Partial<ConversationReference>, copy: CardCopy, activity: Partial<Activity>): Promise<Delivered> {
    const target = { ...reference, conversation: { ...reference.conversation, id: copy.conversationId } } as Partial<ConversationReference>;
    const replace = async (ctx: TurnContext) => {
      await ctx.updateActivity({ ...activity, id: copy.activityId, conversation: target.conversation } as Partial<Activity>);
      return copy.activityId;
    };
    return this.continue(target, replace, copy.conversationId);
  }

  private async continue(
    reference: Partial<ConversationReference>,
    work: (ctx: TurnContext) => Promise<string>,
    conversationId: string,
  ): Promise<Delivered> {
    try {
      let activityId = '';
      await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (ctx) => {
        withoutConnectorRetries(ctx, this.deps.adapter);
        activityId = await work(ctx);
      });
      return { ok: true, activityId, conversationId };
    } catch (e) {
      return { ok: false, ...failureOf(e) };
    }
  }
}
