import type { CosmosConfig } from '../config.js';
import type { Clock, IdGenerator } from '../routing/ports.js';
import { ConversationStore } from './conversation-store.js';
import { FeedbackStore } from './feedback-store.js';
import { DeadlineStore } from './deadline-store.js';
import { DeliveryStore } from './delivery-store.js';
import { OutboxStore } from './outbox-store.js';
import { AzureCliCredential, ManagedIdentityCredential } from '@azure/identity';
import { openStores, type CosmosTarget, type Stores } from './cosmos.js';
import { localSnapshot } from './local-snapshot.js';
import { DirectoryStore } from './directory-store.js';
import { LOCAL_KEY, startLocalCosmos, type LocalCosmos } from './local-server.js';
import { ReportQueries, ReportStore } from './report-store.js';
import { seedSampleDepartments } from './seed.js';

export interface Backend {
  directory: DirectoryStore;
  reports: ReportStore;
  conversations: ConversationStore;
  outbox: OutboxStore;
  deliveries: DeliveryStore;
  deadlines: DeadlineStore;
  queries: ReportQueries;
  feedback: FeedbackStore;
  /** Present when we started the embedded server. */
  local?: LocalCosmos;
  close(): Promise<void>;
}

export function repositories(stores: Stores, deps: { clock: Clock; ids: IdGenerator }) {
  return {
    directory: new DirectoryStore(stores.directory, deps.ids, deps.clock),
    reports: new ReportStore(stores.reports),
    conversations: new ConversationStore(stores.conversations),
    outbox: new OutboxStore(stores.reports),
    deliveries: new DeliveryStore(stores.reports),
    deadlines: new DeadlineStore(stores.reports),
    queries: new ReportQueries(stores.reports),
    feedback: new FeedbackStore(stores.feedback),
  };
}

async function targetFor(cosmos: CosmosConfig): Promise<{ target: CosmosTarget; local?: LocalCosmos }> {
  if (cosmos.mode === 'remote') {
    const { endpoint, database, auth } = cosmos;
    if (auth.kind === 'key') return { target: { endpoint, database, key: auth.key } };
    const credential = auth.kind === 'managed-identity' ? new ManagedIdentityCredential(auth.clientId ? { clientId: auth.clientId } : {}) : new AzureCliCredential();
    return { target: { endpoint, database, credential } };
  }
  const local = await startLocalCosmos();
  return { target: { endpoint: local.endpoint, key: LOCAL_KEY, database: cosmos.database, trustSelfSigned: true }, local };
}

const SNAPSHOT_EVERY_MS = 3000;

/**
 * The configured account, or an embedded local server seeded with the sample departments (or, with a
 * data folder, loaded from what it held when it last stopped).
 */
export async function connect(cosmos: CosmosConfig, deps: { clock: Clock; ids: IdGenerator }): Promise<Backend> {
  const { target, local } = await targetFor(cosmos);
  const { stores, client } = await openStores(target);
  const repos = repositories(stores, deps);
  const snapshot = local && cosmos.mode === 'embedded' && cosmos.dataDir ? localSnapshot(client, cosmos.database, cosmos.dataDir) : undefined;
  if (local && !(await snapshot?.restore())) await seedSampleDepartments(repos.directory);
  // The timer only copies what is already in the local server to disk; nothing lives in it.
  const saver = snapshot ? setInterval(() => void snapshot.save().catch(() => undefined), SNAPSHOT_EVERY_MS) : undefined;
  saver?.unref();
  const close = async () => {
    if (saver) clearInterval(saver);
    await snapshot?.save();
    client.dispose();
    await local?.close();
  };
  return { ...repos, ...(local ? { local } : {}), close };
}
