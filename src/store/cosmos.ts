import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import { CosmosPartitionStore, type PartitionStore } from './docs.js';

export const CONTAINERS = ['directory', 'reports', 'conversations', 'feedback'] as const;
export type ContainerName = (typeof CONTAINERS)[number];

export interface CosmosTarget {
  endpoint: string;
  /** An account key, or a credential for data-plane RBAC (no key). */
  key?: string;
  credential?: TokenCredential;
  database: string;
  /**
   * Only for the embedded server we started ourselves (its bundled certificate is self-signed and expired); an
   * endpoint on this machine's loopback address is trusted the same way, never one across the network.
   */
  trustSelfSigned?: boolean;
}

export type Stores = Record<ContainerName, PartitionStore>;

/** The Cosmos DB emulator or a local server on this machine (a test's, another process's): self-signed by design. */
function onThisMachine(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

function cosmosClient(target: CosmosTarget): CosmosClient {
  const agent = target.trustSelfSigned || onThisMachine(target.endpoint)
    ? new https.Agent({ rejectUnauthorized: false, keepAlive: true })
    : new https.Agent({ keepAlive: true });
  const auth = target.credential ? { aadCredentials: target.credential } : { key: target.key! };
  return new CosmosClient({ endpoint: target.endpoint, ...auth, agent });
}

/**
 * Creates the database and its containers when missing; all are partitioned by department. With a
 * credential (data-plane RBAC cannot create them) they must exist already: infra/ provisions them.
 */
async function openContainers(client: CosmosClient, database: string, create: boolean): Promise<Record<ContainerName, Container>> {
  if (!create) {
    const db = client.database(database);
    return Object.fromEntries(CONTAINERS.map((id) => [id, db.container(id)])) as Record<ContainerName, Container>;
  }
  const { database: db } = await client.databases.createIfNotExists({ id: database });
  const entries = await Promise.all(
    CONTAINERS.map(async (id) => {
      const { container } = await db.containers.createIfNotExists({ id, partitionKey: { paths: ['/departmentId'] } });
      return [id, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
}

export async function openStores(target: CosmosTarget): Promise<{ stores: Stores; client: CosmosClient }> {
  const client = cosmosClient(target);
  const containers = await openContainers(client, target.database, !target.credential);
  const stores: Stores = {
    directory: new CosmosPartitionStore(containers.directory),
    reports: new CosmosPartitionStore(containers.reports),
    conversations: new CosmosPartitionStore(containers.conversations),
    feedback: new CosmosPartitionStore(containers.feedback),
  };
  return { stores, client };
}
