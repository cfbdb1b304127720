import { PolicyDesk } from '../app/ask.js';
import { sweepDepartments } from '../app/sweep-run.js';
import { buildServices } from '../compose.js';
import type { BotAuth } from '../config.js';
import type { Logger } from '../log.js';
import type { Clock } from '../routing/ports.js';
import type { OutboxEntry, OutboxState } from '../store/outbox-store.js';
import { botAppIdOf, createAdapter } from '../teams/adapter.js';
import { createDelivery } from '../teams/delivery.js';
import type { Parsed } from './admin-args.js';
import type { Context, Io } from './admin-commands.js';

const STATES: readonly OutboxState[] = ['dead', 'pending', 'sent'];

function fail(ctx: Context, message: string): number {
  ctx.io.err(`error: ${message}`);
  return 1;
}

/** Warnings from the sender go to stderr; stdout stays JSON lines. */
function cliLog(io: Io): Logger {
  const put = (level: string) => (m: string, f?: Record<string, unknown>) => io.err(`${level}: ${m} ${JSON.stringify(f ?? {})}`);
  return { debug: () => {}, info: () => {}, warn: put('warn'), error: put('error') };
}

function clockAt(ctx: Context, at: string | undefined): Clock | string {
  if (at === undefined) return ctx.clock;
  const t = Date.parse(at);
  return Number.isNaN(t) ? `--at "${at}" is not a date and time (ISO 8601, e.g. 2025-06-03T10:00:00Z)` : { now: () => new Date(t) };
}

/**
 * Fires what is due and sends the outbox, as the server does every minute, as of now or `--at`; through the same
 * claims, so it is safe while bots are running. Prints each deadline fired, then each department's outbox pass.
 */
export async function sweep(ctx: Context, args: Parsed, bot: BotAuth): Promise<number> {
  const clock = clockAt(ctx, args.flags.at);
  if (typeof clock === 'string') return fail(ctx, clock);
  const department = args.flags.department;
  if (department !== undefined && !(await ctx.backend.directory.directory(department))) return fail(ctx, `no department "${department}"`);
  const services = buildServices(ctx.backend, { clock, ids: ctx.ids, policies: new PolicyDesk(undefined, []) });
  const delivery = createDelivery({ adapter: createAdapter(bot), botAppId: botAppIdOf(bot), services, log: cliLog(ctx.io) });
  const swept = await sweepDepartments({ directory: ctx.backend.directory, sweeper: services.sweeper, sender: delivery.sender }, department ? { department } : {});
  let failed = 0;
  for (const r of swept) {
    for (const fired of r.fired) ctx.io.out(JSON.stringify(fired));
    if (r.error) {
      failed++;
      ctx.io.err(`error: the sweep of ${r.department} failed (${r.error})`);
    } else ctx.io.out(JSON.stringify({ department: r.department, outbox: r.outbox }));
  }
  return failed > 0 ? 1 : 0;
}

function line(department: string, e: OutboxEntry): string {
  const who = e.purpose === 'refresh' ? {} : { member: e.member };
  const why = e.purpose === 'card' ? { reason: e.reason } : {};
  return JSON.stringify({
    department, id: e.id, purpose: e.purpose, report: e.reportId, ...who, ...why, state: e.state, attempts: e.attempts,
    ...(e.lastError ? { lastError: e.lastError } : {}), createdAt: e.createdAt, nextAttemptAt: e.nextAttemptAt,
  });
}

/** Notifications not delivered: dead ones need the admin (a member who never opened the bot, a connector refusing). */
export async function listOutbox(ctx: Context, args: Parsed): Promise<number> {
  const state = args.flags.state as OutboxState | undefined;
  if (state !== undefined && !STATES.includes(state)) return fail(ctx, `--state must be one of ${STATES.join(', ')}`);
  const department = args.flags.department;
  if (department !== undefined && !(await ctx.backend.directory.directory(department))) return fail(ctx, `no department "${department}"`);
  for (const d of department ? [department] : await ctx.backend.directory.departments()) {
    const entries = state ? await ctx.backend.outbox.list(d, state) : [...(await ctx.backend.outbox.list(d, 'dead')), ...(await ctx.backend.outbox.list(d, 'pending'))];
    for (const e of entries) ctx.io.out(line(d, e));
  }
  return 0;
}
