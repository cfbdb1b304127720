import { PolicyDesk } from '../../src/app/ask.js';
import { buildServices } from '../../src/compose.js';
import type { BotAuth, BotConfig } from '../../src/config.js';
import type { Logger, LogFields } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { cardAction, message, type Person } from './activities.js';
import { cardOf, startConnector, type CardJson, type Connector, type Sent } from './connector.js';
import { openTestBackend, type TestBackend } from './cosmos.js';

/** One engine per test run: indexing the libraries is the slow part, and the engine is pure. */
let policies: PolicyDesk | undefined;

export function testConfig(bot: BotAuth = { mode: 'anonymous', defaultDepartment: 'olivette' }): BotConfig {
  return { cosmos: { mode: 'embedded', database: 'unused' }, port: 0, host: '127.0.0.1', bot, logLevel: 'error', logFormat: 'text' };
}

/** Keeps log lines so a test can prove nothing personal was logged. */
export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const put = (level: string) => (m: string, f?: LogFields) => void lines.push(`${level} ${m} ${JSON.stringify(f ?? {})}`);
  return { lines, debug: put('debug'), info: put('info'), warn: put('warn'), error: put('error') };
}

export interface Reply {
  status: number;
  body: unknown;
  /** What the bot sent to the channel while handling this request. */
  sent: Sent[];
}

export interface TestBot {
  backend: TestBackend;
  connector: Connector;
  server: RunningServer;
  log: ReturnType<typeof capturingLogger>;
  post(activity: unknown, headers?: Record<string, string>): Promise<Reply>;
  say(p: Person, text: string): Promise<Reply>;
  click(p: Person, verb: string, data: Record<string, unknown>, replyToId?: string): Promise<Reply & { card: CardJson }>;
  close(): Promise<void>;
}

/** The real server on port 0, on the run's local Cosmos DB (a database of its own), talking to a local connector. */
export async function startTestBot(bot?: BotAuth): Promise<TestBot> {
  const backend = await openTestBackend();
  policies ??= new PolicyDesk();
  const services = buildServices(backend, { clock: backend.clock, ids: backend.ids, policies, defaultDepartment: 'olivette' });
  const connector = await startConnector();
  const log = capturingLogger();
  const server = await startServer({ config: testConfig(bot), port: 0, services, log, sweepEveryMs: 0 });
  const post = async (activity: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const before = connector.sent.length;
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // a plain-text body, e.g. an error
    }
    return { status: res.status, body, sent: connector.sent.slice(before) };
  };
  return {
    backend, connector, server, log, post,
    say: (p, text) => post(message(p, connector.url, text)),
    click: async (p, verb, data, replyToId) => {
      const reply = await post(cardAction(p, connector.url, verb, data, replyToId));
      const card = (reply.body as { value?: CardJson } | undefined)?.value;
      if (reply.status !== 200 || !card || card.type !== 'AdaptiveCard') throw new Error(`no card in invoke response: ${reply.status} ${JSON.stringify(reply.body)}`);
      return { ...reply, card };
    },
    close: async () => {
      await server.close();
      await connector.close();
      await backend.close();
    },
  };
}

export { cardOf };

/** Every Action.Execute in a card (body ActionSets included), for finding a button by verb and title. */
export function executeActions(card: CardJson | undefined): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') found.push({ title: String(o.title), verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
    // A card's `refresh` is how Teams fetches it again, not a button.
    Object.entries(o).forEach(([k, v]) => k !== 'refresh' && walk(v));
  };
  walk(card);
  return found;
}

/** All the text a card shows, joined, for asserting on what the user reads. */
export function cardText(card: CardJson | undefined): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') parts.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as Array<{ title: string; value: string }>) parts.push(`${f.title}: ${f.value}`);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return parts.join('\n');
}

/** The inputs a card holds, by id, with their current values. */
export function inputsOf(card: CardJson | undefined): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') found[o.id] = o.value;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}
