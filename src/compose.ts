import { AnswerDesk } from './app/answer.js';
import { ReportActing } from './app/act-on-report.js';
import { PolicyDesk } from './app/ask.js';
import { FeedbackDesk } from './app/feedback.js';
import { ReportFiling } from './app/file-report.js';
import { Identify } from './app/identify.js';
import { Listings } from './app/listings.js';
import { ReportViews } from './app/report-view.js';
import { Delegating } from './app/delegations.js';
import { ReportDesk } from './app/reports.js';
import { DeadlineSweeper } from './app/sweep-deadlines.js';
import { mathRandom, randomIds, systemClock } from './app/system.js';
import type { BotConfig } from './config.js';
import type { Clock, IdGenerator, Random } from './routing/ports.js';
import { connect, type Backend } from './store/connect.js';
import type { ConversationStore } from './store/conversation-store.js';
import type { DeliveryStore } from './store/delivery-store.js';
import type { DirectoryStore } from './store/directory-store.js';
import type { OutboxStore } from './store/outbox-store.js';
import type { ReportStore } from './store/report-store.js';

/** The use cases and the few stores the Teams layer talks to directly. */
export interface BotServices {
  identify: Identify;
  answers: AnswerDesk;
  filing: ReportFiling;
  acting: ReportActing;
  views: ReportViews;
  listings: Listings;
  feedback: FeedbackDesk;
  delegating: Delegating;
  sweeper: DeadlineSweeper;
  directory: DirectoryStore;
  reports: ReportStore;
  conversations: ConversationStore;
  outbox: OutboxStore;
  deliveries: DeliveryStore;
  clock: Clock;
  random: Random;
}

export interface OpenedServices {
  services: BotServices;
  close(): Promise<void>;
}

type Repos = Pick<Backend, 'directory' | 'reports' | 'conversations' | 'outbox' | 'deliveries' | 'deadlines' | 'queries' | 'feedback'>;

export interface ServiceDeps {
  clock?: Clock;
  ids?: IdGenerator;
  random?: Random;
  /** Names this instance in the deadline claims it takes; default a fresh id. */
  instance?: string;
  policies?: PolicyDesk;
  /** Department for activities with no tenant (local anonymous mode only). */
  defaultDepartment?: string;
}

/** Use cases over the repositories: the part of the composition root tests share. */
export function buildServices(repos: Repos, deps: ServiceDeps = {}): BotServices {
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const policies = deps.policies ?? new PolicyDesk();
  const reports = new ReportDesk({ directory: repos.directory, reports: repos.reports, clock, ids });
  const views = new ReportViews({ directory: repos.directory, reports, clock });
  const sweeper = new DeadlineSweeper({
    directory: repos.directory, reports: repos.reports, queries: repos.queries, deadlines: repos.deadlines, outbox: repos.outbox,
    desk: reports, clock, instance: deps.instance ?? randomIds.next(),
  });
  return {
    identify: new Identify({ directory: repos.directory, ...(deps.defaultDepartment ? { defaultDepartment: deps.defaultDepartment } : {}) }),
    answers: new AnswerDesk(policies),
    filing: new ReportFiling({ reports, views, clock, ids }),
    acting: new ReportActing({ reports, views }),
    views,
    listings: new Listings({ queries: repos.queries, clock }),
    feedback: new FeedbackDesk({ store: repos.feedback, clock }),
    delegating: new Delegating({ directory: repos.directory, deadlines: repos.deadlines, sweeper, clock }),
    sweeper,
    directory: repos.directory,
    reports: repos.reports,
    conversations: repos.conversations,
    outbox: repos.outbox,
    deliveries: repos.deliveries,
    clock,
    random: deps.random ?? mathRandom,
  };
}

/** Config → backend (Cosmos DB, or the embedded server seeded with the sample departments) → use cases. */
export async function openServices(config: BotConfig, deps: ServiceDeps = {}): Promise<OpenedServices> {
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const backend = await connect(config.cosmos, { clock, ids });
  const policies = deps.policies ?? new PolicyDesk();
  // Index every library now, so the first question is as fast as the rest.
  for (const d of policies.departments()) policies.engine(d);
  const defaultDepartment = config.bot.mode === 'anonymous' ? config.bot.defaultDepartment : undefined;
  const services = buildServices(backend, { clock, ids, policies, ...(defaultDepartment ? { defaultDepartment } : {}) });
  return { services, close: () => backend.close() };
}
