import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotServices } from '../compose.js';
import type { Logger } from '../log.js';
import { Messenger } from './messenger.js';
import { Notifier } from './notifier.js';
import { OutboxSender } from './outbox-sender.js';

export interface Delivery {
  sender: OutboxSender;
  notifier: Notifier;
}

/** The outbox sender over the bot's adapter: shared by the handlers, the server's sweep and the admin CLI. */
export function createDelivery(opts: { adapter: TeamsAdapter; botAppId: string; services: BotServices; log: Logger }): Delivery {
  const { services: s, log } = opts;
  const transport = new Messenger({ adapter: opts.adapter, botAppId: opts.botAppId });
  const sender = new OutboxSender({
    outbox: s.outbox, deliveries: s.deliveries, conversations: s.conversations, reports: s.reports, views: s.views, directory: s.directory,
    transport, clock: s.clock, random: s.random, log,
  });
  return { sender, notifier: new Notifier({ sender }) };
}
