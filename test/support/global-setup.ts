import type { TestProject } from 'vitest/node';
import { startLocalCosmos } from '../../src/store/local-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    cosmosEndpoint: string;
  }
}

/** One local Cosmos DB server for the whole run; each test file works in a database of its own. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startLocalCosmos();
  project.provide('cosmosEndpoint', local.endpoint);
  return () => local.close();
}
