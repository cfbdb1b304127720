import type { BotAdapter, TurnContext } from 'botbuilder';

interface PipelineOwner {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/**
 * botframework-connector 4.23 builds its ConnectorClient on @azure/core-client with the default retry policy
 * (three retries, exponential, and Retry-After honoured in-process) and passes no retry options through. A
 * throttled or failing connector would then hold a turn or a sweep for a minute or more, and retry behind the
 * outbox's back. Removing the policy from this turn's client makes each send a single try whose failure the
 * outbox schedules.
 */
export function withoutConnectorRetries(ctx: TurnContext, adapter: BotAdapter): void {
  const client = ctx.turnState.get(adapter.ConnectorClientKey) as PipelineOwner | undefined;
  client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}
