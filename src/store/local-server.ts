import type { AddressInfo } from 'node:net';

/** Any key is accepted by the local server; this one only satisfies the SDK's signing. */
export const LOCAL_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface LocalCosmos {
  endpoint: string;
  /** Counts every HTTP request the server has answered; benches read it. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * An in-process Cosmos DB-compatible server (@vercel/cosmosdb-server, a dev dependency, loaded only when no
 * endpoint is configured). Data lives in memory and is gone when it stops.
 */
export async function startLocalCosmos(port = 0): Promise<LocalCosmos> {
  const { createHttpsServer } = await import('@vercel/cosmosdb-server');
  const server = createHttpsServer({ keepAlive: true });
  let count = 0;
  server.on('request', () => void count++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${bound}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
