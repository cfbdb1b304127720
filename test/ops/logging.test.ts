import { afterEach, describe, expect, it, vi } from 'vitest';
import { appInsightsSink } from '../../src/app-insights.js';
import { loadBotConfig } from '../../src/config.js';
import { consoleLogger, withCorrelation, type LogRecord } from '../../src/log.js';

const NOW = () => new Date('2026-11-21T09:00:00.000Z');

function captureStdout(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, restore: () => (out.mockRestore(), err.mockRestore()) };
}

afterEach(() => vi.restoreAllMocks());

describe('structured logs', () => {
  it('in production writes one JSON object per line, with the request correlation id', () => {
    const cap = captureStdout();
    const log = consoleLogger('info', { format: 'json', now: NOW });
    withCorrelation('act-123', () => log.info('report filed', { reportId: 'VIO-1', department: 'olivette' }));
    log.debug('not at info level');
    cap.restore();
    expect(cap.lines).toHaveLength(1);
    expect(JSON.parse(cap.lines[0]!)).toEqual({ time: '2026-11-21T09:00:00.000Z', level: 'info', msg: 'report filed', correlationId: 'act-123', reportId: 'VIO-1', department: 'olivette' });
  });

  it('locally writes plain lines, warnings to stderr with their level', () => {
    const cap = captureStdout();
    const log = consoleLogger('info', { format: 'text', now: NOW });
    log.warn('send failed', { code: 429 });
    cap.restore();
    expect(cap.lines).toEqual(['warn: send failed code=429\n']);
  });

  it('hands every record to the sinks, e.g. Application Insights', () => {
    const cap = captureStdout();
    const seen: LogRecord[] = [];
    const log = consoleLogger('info', { format: 'json', now: NOW, sinks: [(r) => seen.push(r)] });
    withCorrelation('c-1', () => log.error('turn failed', { error: 'TypeError' }));
    cap.restore();
    expect(seen).toEqual([{ time: '2026-11-21T09:00:00.000Z', level: 'error', message: 'turn failed', correlationId: 'c-1', fields: { error: 'TypeError' } }]);
  });
});

describe('Application Insights', () => {
  it('sends queued records as MessageData envelopes to the ingestion endpoint of the connection string', async () => {
    const sent: Array<{ url: string; body: string }> = [];
    const ai = appInsightsSink({ instrumentationKey: '11111111-2222-3333-4444-555555555555', ingestionEndpoint: 'https://westus-0.in.applicationinsights.azure.com/' }, async (url, body) => sent.push({ url, body }));
    ai.sink({ time: '2026-11-21T09:00:00.000Z', level: 'warn', message: 'outbox entry dead', correlationId: 'c-9', fields: { entry: 'o-1', attempts: 8 } });
    await ai.close();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://westus-0.in.applicationinsights.azure.com/v2/track');
    const envelope = JSON.parse(sent[0]!.body);
    expect(envelope).toMatchObject({
      name: 'Microsoft.ApplicationInsights.Message',
      iKey: '11111111-2222-3333-4444-555555555555',
      tags: { 'ai.operation.id': 'c-9' },
      data: { baseType: 'MessageData', baseData: { message: 'outbox entry dead', severityLevel: 2, properties: { entry: 'o-1', attempts: '8' } } },
    });
  });

  it('a failing endpoint never throws into the bot', async () => {
    const ai = appInsightsSink({ instrumentationKey: '11111111-2222-3333-4444-555555555555', ingestionEndpoint: 'https://x/' }, async () => {
      throw new Error('offline');
    });
    ai.sink({ time: 't', level: 'info', message: 'm', fields: {} });
    await expect(ai.close()).resolves.toBeUndefined();
  });
});

describe('logging configuration', () => {
  it('is JSON with an app id, text without, and LOG_FORMAT decides when set', () => {
    const prod = loadBotConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: '84f6a51c-30f5-5a76-bb13-28a74bc9264f' });
    expect(prod.ok && prod.config.logFormat).toBe('json');
    const local = loadBotConfig({});
    expect(local.ok && local.config.logFormat).toBe('text');
    const forced = loadBotConfig({ LOG_FORMAT: 'json' });
    expect(forced.ok && forced.config.logFormat).toBe('json');
  });

  it('reads the Application Insights connection string and refuses one without a key', () => {
    const ok = loadBotConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=https://westus-0.in.applicationinsights.azure.com/;LiveEndpoint=https://x/' });
    expect(ok.ok && ok.config.appInsights).toEqual({ instrumentationKey: '11111111-2222-3333-4444-555555555555', ingestionEndpoint: 'https://westus-0.in.applicationinsights.azure.com/' });
    const bad = loadBotConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://x/', LOG_FORMAT: 'xml' });
    expect(bad).toMatchObject({ ok: false, problems: [expect.stringContaining('LOG_FORMAT must be one of'), expect.stringContaining('no valid InstrumentationKey')] });
  });
});
