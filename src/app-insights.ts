import type { AppInsightsConfig } from './config.js';
import type { LogRecord, LogSink } from './log.js';

const SEVERITY = { debug: 0, info: 1, warn: 2, error: 3 } as const;
const FLUSH_EVERY_MS = 5000;
const MAX_BATCH = 200;

export interface AppInsightsSink {
  sink: LogSink;
  /** Sends what is queued; failures are dropped (telemetry must never take the bot down). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

type Send = (url: string, body: string) => Promise<unknown>;

/**
 * Sends log records to Application Insights as traces through its ingestion endpoint (the `v2/track`
 * API the SDKs use), in batches. Log records carry ids and codes only, never personal data.
 */
export function appInsightsSink(config: AppInsightsConfig, send: Send = postJson): AppInsightsSink {
  const url = new URL('v2/track', config.ingestionEndpoint.endsWith('/') ? config.ingestionEndpoint : `${config.ingestionEndpoint}/`).toString();
  let queue: LogRecord[] = [];
  const flush = async () => {
    const batch = queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    await send(url, batch.map((r) => JSON.stringify(envelope(config.instrumentationKey, r))).join('\n')).catch(() => undefined);
  };
  const timer = setInterval(() => void flush(), FLUSH_EVERY_MS);
  timer.unref();
  return {
    sink: (record) => {
      if (queue.length < MAX_BATCH * 10) queue.push(record);
    },
    flush,
    close: async () => {
      clearInterval(timer);
      while (queue.length > 0) await flush();
    },
  };
}

function envelope(iKey: string, r: LogRecord) {
  return {
    name: 'Microsoft.ApplicationInsights.Message',
    time: r.time,
    iKey,
    tags: { 'ai.cloud.role': 'policy-desk', ...(r.correlationId ? { 'ai.operation.id': r.correlationId } : {}) },
    data: {
      baseType: 'MessageData',
      baseData: { ver: 2, message: r.message, severityLevel: SEVERITY[r.level], properties: Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, String(v)])) },
    },
  };
}

async function postJson(url: string, body: string): Promise<unknown> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-json-stream' }, body, signal: AbortSignal.timeout(10_000) });
}
