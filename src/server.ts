import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import { loadBotConfig, type BotConfig } from './config.js';
import { openServices, type BotServices, type OpenedServices } from './compose.js';
import { consoleLogger, errorFields, withCorrelation, type Logger } from './log.js';
import { botAppIdOf, createAdapter } from './teams/adapter.js';
import { createBotApp } from './teams/app.js';
import { createDelivery } from './teams/delivery.js';
import { scheduleSweeps, SWEEP_EVERY_MS } from './teams/sweep-schedule.js';

export interface StartOptions {
  /** Default: loadBotConfig() from the environment; a configuration problem throws, naming each one. */
  config?: BotConfig;
  /** Overrides config.port; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Ready-made services (the caller closes them), or a factory whose result the server closes. Default: openServices(config). */
  services?: BotServices | (() => Promise<OpenedServices>);
  log?: Logger;
  /** How often this instance sweeps deadlines and the outbox; 0 turns the sweep off (tests drive it by hand). */
  sweepEveryMs?: number;
}

export interface RunningServer {
  port: number;
  /** http://127.0.0.1:PORT (the messaging endpoint is url + '/api/messages'). */
  url: string;
  close(): Promise<void>;
}

type Phase = 'starting' | 'ready' | 'stopping';
/** Teams activities are small; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 512 * 1024;
/** In-flight turns get this long to finish when the server stops. */
const DRAIN_MS = 10_000;

function resolveConfig(options: StartOptions): BotConfig {
  if (options.config) return options.config;
  const loaded = loadBotConfig();
  if (!loaded.ok) throw new Error(`configuration:\n- ${loaded.problems.join('\n- ')}`);
  return loaded.config;
}

async function open(config: BotConfig, services: StartOptions['services']): Promise<OpenedServices> {
  if (typeof services === 'function') return services();
  if (services) return { services, close: async () => {} };
  return openServices(config);
}

/** Tracks requests being served, so stopping waits for them. */
function inFlight() {
  let count = 0;
  let idle: (() => void) | undefined;
  return {
    enter: () => void count++,
    leave: () => void (--count === 0 && idle?.()),
    drained: () => (count === 0 ? Promise.resolve() : new Promise<void>((r) => (idle = r))),
  };
}

type Turn = (req: Request, res: Response) => Promise<void>;

/** The HTTP side: routes that read the current phase and, once ready, hand each activity to the bot. */
interface Front {
  phase: Phase;
  turn?: Turn;
  readonly server: Server;
  readonly requests: ReturnType<typeof inFlight>;
}

function createFront(): Front {
  const server = restify.createServer({ name: 'policy-desk', handleUncaughtExceptions: false });
  const front: Front = { phase: 'starting', server, requests: inFlight() };
  server.use(...restify.plugins.jsonBodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  // restify 11 warns about async handlers that return a value: each one below returns nothing.
  server.get('/health', async (_req, res) => {
    res.json(front.phase === 'ready' ? 200 : 503, { status: front.phase === 'ready' ? 'ok' : front.phase });
  });
  server.post('/api/messages', async (req, res) => {
    if (front.phase !== 'ready' || !front.turn) {
      res.json(503, { status: front.phase });
      return;
    }
    // Not an activity at all ("{}", "[1,2]"): say so, rather than let the adapter fail on it with a 500.
    if (!isActivityShaped(req.body)) {
      res.json(400, { error: 'The body must be a Bot Framework activity: a JSON object with a string "type".' });
      return;
    }
    front.requests.enter();
    try {
      const turn = front.turn;
      await withCorrelation(correlationIdOf(req), () => turn(req, res));
    } finally {
      front.requests.leave();
    }
  });
  return front;
}

function isActivityShaped(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { type?: unknown }).type === 'string';
}

/** The caller's correlation id when it sends one, else the activity's id, else a fresh one. */
function correlationIdOf(req: { headers: Record<string, string | string[] | undefined>; body?: unknown }): string {
  const header = req.headers['x-ms-correlation-id'] ?? req.headers['x-correlation-id'];
  if (typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header)) return header;
  const id = (req.body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && /^[\w.:|-]{1,100}$/.test(id) ? id : randomUUID();
}

async function listen(front: Front, port: number, host: string, log: Logger): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    // restify re-emits the HTTP server's errors (EADDRINUSE…) on itself.
    front.server.on('error', (e) => (front.phase === 'starting' ? reject(e) : log.error('server error', errorFields(e))));
    front.server.listen(port, host, () => resolve());
  });
  return (front.server.server.address() as AddressInfo).port;
}

/** Stop accepting, let turns in flight finish (for a while), then drop whatever connections are left. */
async function stop(front: Front): Promise<void> {
  front.phase = 'stopping';
  const stopped = new Promise<void>((resolve) => front.server.server.close(() => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_MS)));
  await Promise.race([front.requests.drained(), late]);
  clearTimeout(timer);
  front.server.server.closeAllConnections();
  await stopped;
}

/**
 * The bot's HTTP server: POST /api/messages for Bot Framework activities, GET /health (200 when ready, 503 while
 * starting or stopping). It listens before the backend is open so a launcher can watch /health turn ready.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options);
  const log = options.log ?? consoleLogger(config.logLevel);
  const front = createFront();
  const host = options.host ?? config.host;
  const port = await listen(front, options.port ?? config.port, host, log);
  let opened: OpenedServices;
  try {
    opened = await open(config, options.services);
  } catch (e) {
    await stop(front);
    throw e;
  }
  const adapter = createAdapter(config.bot);
  const botAppId = botAppIdOf(config.bot);
  const delivery = createDelivery({ adapter, botAppId, services: opened.services, log });
  const app = createBotApp({ adapter, botAppId, services: opened.services, notifier: delivery.notifier, log });
  front.turn = (req, res) => adapter.process(req, res, async (ctx) => void (await app.run(ctx)));
  front.phase = 'ready';
  const everyMs = options.sweepEveryMs ?? SWEEP_EVERY_MS;
  const sweeps = everyMs > 0 ? scheduleSweeps({ services: opened.services, sender: delivery.sender, everyMs, log }) : undefined;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= stop(front)
      .then(() => sweeps?.stop())
      .then(() => opened.close().catch((e) => log.warn('backend did not close cleanly', errorFields(e)))));
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  return { port, url, close };
}
