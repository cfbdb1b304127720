import type { TurnContext } from 'botbuilder';
import type { DelegateOutcome } from '../app/delegations.js';
import type { Who } from '../app/identify.js';
import { parseDelegationWords } from './commands.js';
import type { TurnDeps } from './turn.js';

const USAGE = 'To name an acting supervisor, say for example: delegate to Sam Ortiz from 2025-07-01 to 2025-07-14 (dates as YYYY-MM-DD, both days included).';

function confirmation(done: DelegateOutcome & { ok: true }): string {
  const { delegation: d, delegate } = done;
  const period = `from ${d.start} to ${d.end}`;
  if (done.existing) return `Already set: ${delegate.name} is your acting supervisor ${period}.`;
  const moved = done.rerouted === 1 ? '1 report waiting for you was handed to them' : `${done.rerouted} reports waiting for you were handed to them`;
  const now = done.startsNow ? ` ${moved}.` : ' What is waiting for you then will be handed to them when the period starts.';
  return `${delegate.name} is your acting supervisor ${period}. They can act on your reports, and new ones go to them.${now}`;
}

/** "delegate to NAME from DATE to DATE": stored, then what the delegate now holds is sent to them at once. */
export async function delegateCommand(ctx: TurnContext, deps: TurnDeps, who: Who, rest: string): Promise<void> {
  const words = parseDelegationWords(rest);
  if (!words) return void (await ctx.sendActivity(USAGE));
  const done = await deps.services.delegating.delegate(who, words);
  if (!done.ok) return void (await ctx.sendActivity(done.reason));
  if (done.rerouted > 0) await deps.notifier.flush(who.dir);
  await ctx.sendActivity(confirmation(done));
}
