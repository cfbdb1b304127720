import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ReportDesk } from '../../src/app/reports.js';
import { DeadlineSweeper } from '../../src/app/sweep-deadlines.js';
import { repositories } from '../../src/store/connect.js';
import { openStores } from '../../src/store/cosmos.js';
import { DeadlineStore } from '../../src/store/deadline-store.js';
import type { PartitionStore } from '../../src/store/docs.js';
import { LOCAL_KEY } from '../../src/store/local-server.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { ReportQueries, ReportStore } from '../../src/store/report-store.js';
import { seedSampleDepartments } from '../../src/store/seed.js';
import { FakeClock, sequentialIds } from './fakes.js';

/** Repositories on the local server started by globalSetup, in a database of the caller's own. */
export async function openTestBackend(opts: { seed?: boolean } = {}) {
  const endpoint = inject('cosmosEndpoint');
  const database = `test-${randomUUID()}`;
  const { stores, client } = await openStores({ endpoint, key: LOCAL_KEY, database, trustSelfSigned: true });
  const clock = new FakeClock();
  const ids = sequentialIds('r');
  const repos = repositories(stores, { clock, ids });
  if (opts.seed !== false) await seedSampleDepartments(repos.directory);
  const desk = new ReportDesk({ directory: repos.directory, reports: repos.reports, clock, ids });
  /** A desk whose report writes go through `wrap`, e.g. to crash after the Nth write. */
  const deskWith = (wrap: (s: PartitionStore) => PartitionStore) =>
    new ReportDesk({ directory: repos.directory, reports: new ReportStore(wrap(stores.reports)), clock, ids });
  /** A deadline sweeper of its own (another bot instance), whose writes may go through `wrap`. */
  const sweeper = (instance: string, wrap: (s: PartitionStore) => PartitionStore = (s) => s) => {
    const store = wrap(stores.reports);
    const reports = new ReportStore(store);
    const desk = new ReportDesk({ directory: repos.directory, reports, clock, ids });
    const deps = { directory: repos.directory, reports, queries: new ReportQueries(store), deadlines: new DeadlineStore(store), outbox: new OutboxStore(store) };
    return new DeadlineSweeper({ ...deps, desk, clock, instance });
  };
  /** What the admin CLI needs to work on this very database. */
  const env = { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: LOCAL_KEY, COSMOS_DATABASE: database };
  return { stores, clock, ids, ...repos, desk, deskWith, sweeper, database, env, close: () => client.dispose() };
}

export type TestBackend = Awaited<ReturnType<typeof openTestBackend>>;
