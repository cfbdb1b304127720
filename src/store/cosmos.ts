import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import { CosmosPartitionStore, type PartitionStore } from './docs.js';

export const CONTAINERS = ['directory', 'reports', 'conversations', 'feedback'] as const;
export type ContainerName = (typeof CONTAINERS)[number];

export interface CosmosTarget {
  endpoint: string;
  key: string;
  database: string;
  /** Only for the embedded server we started ourselves: its bundled certificate is self-signed and expired. */
  trustSelfSigned?: boolean;
}

export type Stores = Record<ContainerName, PartitionStore>;

function cosmosClient(target: CosmosTarget): CosmosClient {
  const agent = target.trustSelfSigned
    ? new https.Agent({ rejectUnauthorized: false, keepAlive: true })
    : new https.Agent({ keepAlive: true });
  return new CosmosClient({ endpoint: target.endpoint, key: target.key, agent });
}

/** Creates the database and its containers when missing; all are partitioned by department. */
async function openContainers(client: CosmosClient, database: string): Promise<Record<ContainerName, Container>> {
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
  const containers = await openContainers(client, target.database);
  const stores: Stores = {
    directory: new CosmosPartitionStore(containers.directory),
    reports: new CosmosPartitionStore(containers.reports),
    conversations: new CosmosPartitionStore(containers.conversations),
    feedback: new CosmosPartitionStore(containers.feedback),
  };
  return { stores, client };
}
