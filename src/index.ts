import { loadBotConfig } from './config.js';
import { openServices } from './compose.js';
import { appInsightsSink } from './app-insights.js';
import { consoleLogger } from './log.js';
import { startServer } from './server.js';

/**
 * Composition root: configuration → backend (Cosmos DB, or the embedded local server seeded with the sample
 * departments) → use cases → the Teams bot server. `npx tsx src/index.ts` runs it on PORT (default 3978).
 */
async function main(): Promise<void> {
  const loaded = loadBotConfig();
  if (!loaded.ok) {
    for (const p of loaded.problems) process.stderr.write(`configuration: ${p}\n`);
    process.exit(2);
  }
  const { config } = loaded;
  const telemetry = config.appInsights ? appInsightsSink(config.appInsights) : undefined;
  const log = consoleLogger(config.logLevel, { format: config.logFormat, sinks: telemetry ? [telemetry.sink] : [] });
  const server = await startServer({ config, log, services: () => openServices(config) });
  log.info(`Policy Desk listening on ${server.url}/api/messages`);
  const stop = async (signal: string) => {
    log.info('Policy Desk stopping', { signal });
    await server.close();
    await telemetry?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`Policy Desk could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
