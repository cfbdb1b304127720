import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the channel. */
export interface Sent {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** Set for replies (POST …/activities/:id) and updates (PUT …/activities/:id). */
  replyToId?: string;
  id: string;
  activity: SentActivity;
}

export interface SentActivity {
  type: string;
  text?: string;
  summary?: string;
  entities?: Array<Record<string, unknown>>;
  channelData?: Record<string, unknown>;
  attachments?: Array<{ contentType: string; content: CardJson }>;
  [key: string]: unknown;
}

export type CardJson = { type: string; body?: unknown[]; actions?: unknown[]; [key: string]: unknown };

export interface Connector {
  /** Goes into each activity's serviceUrl, so the bot replies and sends proactively here. */
  url: string;
  sent: Sent[];
  /** Calls answered with an error (see failNext), in order: they are not in `sent`. */
  refused: Array<{ method: string; conversationId: string; status: number }>;
  /** The next `count` calls fail with `status` (a 429 with Retry-After when given): a connector having a bad spell. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  to(conversationId: string): Sent[];
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A stand-in for the Bot Framework channel service: records every activity the bot sends and answers with an id. */
export async function startConnector(opts: { delayMs?: number } = {}): Promise<Connector> {
  const sent: Sent[] = [];
  const refused: Connector['refused'] = [];
  const failures: Array<{ status: number; retryAfterSeconds?: number }> = [];
  let n = 0;
  const server = createServer(async (req, res) => {
    const m = ROUTE.exec((req.url ?? '').split('?')[0]!);
    const text = await bodyOf(req);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const failure = failures.shift();
    if (failure) {
      refused.push({ method: req.method, conversationId: decodeURIComponent(m[1]!), status: failure.status });
      res.statusCode = failure.status;
      if (failure.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(failure.retryAfterSeconds));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: { code: failure.status === 429 ? 'Throttled' : 'ServiceError', message: 'try later' } }));
      return;
    }
    const id = req.method === 'PUT' ? decodeURIComponent(m[2]!) : `sent-${++n}`;
    const replyToId = m[2] ? decodeURIComponent(m[2]) : undefined;
    sent.push({ method: req.method, conversationId: decodeURIComponent(m[1]!), ...(replyToId ? { replyToId } : {}), id, activity: JSON.parse(text) as SentActivity });
    // restify (loaded in the same process) patches ServerResponse: writeHead does not return `this` there.
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    refused,
    failNext: (count, status, retryAfterSeconds) => {
      for (let i = 0; i < count; i++) failures.push({ status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
    },
    to: (conversationId) => sent.filter((s) => s.conversationId === conversationId),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The Adaptive Card a sent activity carries, if any. */
export function cardOf(s: Sent | undefined): CardJson | undefined {
  return s?.activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
