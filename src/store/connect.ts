import type { CosmosConfig } from '../config.js';
import type { Clock, IdGenerator } from '../routing/ports.js';
import { ConversationStore } from './conversation-store.js';
import { FeedbackStore } from './feedback-store.js';
import { NoticeStore } from './notice-store.js';
import { AzureCliCredential, ManagedIdentityCredential } from '@azure/identity';
import { openStores, type CosmosTarget, type Stores } from './cosmos.js';
import { DirectoryStore } from './directory-store.js';
import { LOCAL_KEY, startLocalCosmos, type LocalCosmos } from './local-server.js';
import { ReportQueries, ReportStore } from './report-store.js';
import { seedSampleDepartments } from './seed.js';

export interface Backend {
  directory: DirectoryStore;
  reports: ReportStore;
  conversations: ConversationStore;
  notices: NoticeStore;
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
    notices: new NoticeStore(stores.reports),
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

/** The configured account, or an embedded local server seeded with the sample departments. */
export async function connect(cosmos: CosmosConfig, deps: { clock: Clock; ids: IdGenerator }): Promise<Backend> {
  const { target, local } = await targetFor(cosmos);
  const { stores, client } = await openStores(target);
  const repos = repositories(stores, deps);
  if (local) await seedSampleDepartments(repos.directory);
  const close = async () => {
    client.dispose();
    await local?.close();
  };
  return { ...repos, ...(local ? { local } : {}), close };
}
