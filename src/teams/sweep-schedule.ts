import { randomUUID } from 'node:crypto';
import { sweepDepartments } from '../app/sweep-run.js';
import { every, type Ticker } from '../app/ticker.js';
import type { BotServices } from '../compose.js';
import { errorFields, withCorrelation, type Logger } from '../log.js';
import type { OutboxSender } from './outbox-sender.js';

/** Every minute by default: deadlines and the outbox are swept from Cosmos DB, so any instance may do it at any time. */
export const SWEEP_EVERY_MS = 60_000;

/** The server's sweep: the timer only says when; every claim, lease and outcome is in Cosmos DB. */
export function scheduleSweeps(opts: { services: BotServices; sender: OutboxSender; everyMs: number; log: Logger }): Ticker {
  const { services, sender, log } = opts;
  const sweep = async () => {
    for (const r of await sweepDepartments({ directory: services.directory, sweeper: services.sweeper, sender })) {
      for (const f of r.fired.filter((x) => x.outcome === 'failed')) log.warn('deadline not fired', { department: r.department, deadline: f.deadline, error: f.error });
      if (r.error) log.warn('sweep failed', { department: r.department, error: r.error });
      else if (r.fired.length > 0 || (r.outbox && r.outbox.sent + r.outbox.retrying + r.outbox.dead > 0)) {
        log.info('swept', { department: r.department, fired: r.fired.length, sent: r.outbox?.sent, retrying: r.outbox?.retrying, dead: r.outbox?.dead });
      }
    }
  };
  return every(opts.everyMs, () => withCorrelation(`sweep-${randomUUID()}`, sweep).catch((e) => log.warn('sweep failed', errorFields(e))));
}
