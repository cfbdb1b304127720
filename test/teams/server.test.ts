import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../src/compose.js';
import { startServer } from '../../src/server.js';
import { message, person } from '../support/activities.js';
import { capturingLogger, testConfig } from '../support/bot.js';
import { startConnector } from '../support/connector.js';
import { openTestBackend } from '../support/cosmos.js';
import { aadOf, sampleConfig } from '../support/samples.js';

const lane = person('olivette', 'ofc-lane');

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const health = async (url: string) => {
  const res = await fetch(`${url}/health`);
  return { status: res.status, body: await res.json() };
};

describe('the HTTP server', () => {
  it('answers /health with 503 while starting, then {status: "ok"}', async () => {
    const backend = await openTestBackend();
    const port = await freePort();
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const starting = startServer({
      config: testConfig(), port, log: capturingLogger(),
      services: async () => {
        await gate;
        return { services: buildServices(backend), close: async () => backend.close() };
      },
    });
    await expect.poll(() => health(`http://127.0.0.1:${port}`).catch(() => undefined)).toEqual({ status: 503, body: { status: 'starting' } });
    const early = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(early.status).toBe(503);
    open();
    const server = await starting;
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect(await health(server.url)).toEqual({ status: 200, body: { status: 'ok' } });
    await server.close();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('stops gracefully: a turn in flight finishes, then the backend is closed', async () => {
    const backend = await openTestBackend();
    const connector = await startConnector({ delayMs: 300 });
    let closed = false;
    const server = await startServer({
      config: testConfig(), port: 0, log: capturingLogger(),
      services: async () => ({ services: buildServices(backend), close: async () => void (closed = true) }),
    });
    const inFlight = fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(lane, connector.url, 'hi')) });
    await new Promise((r) => setTimeout(r, 100));
    const stopping = server.close();
    expect((await inFlight).status).toBe(200);
    await stopping;
    expect(closed).toBe(true);
    expect(connector.sent).toHaveLength(1);
    await connector.close();
    await backend.close();
  });

  it('refuses oversized and malformed bodies without running a turn', async () => {
    const backend = await openTestBackend();
    const server = await startServer({ config: testConfig(), port: 0, log: capturingLogger(), services: buildServices(backend) });
    const post = (body: string) => fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post(JSON.stringify({ type: 'message', text: 'x'.repeat(600 * 1024) }))).status).toBe(413);
    expect((await post('{not json')).status).toBe(400);
    // JSON that is no activity gets a 400 that says what an activity is, not a 500.
    for (const body of ['{}', '[1,2]', '"hi"', '{"type": 7}']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/activity/);
    }
    await server.close();
    await backend.close();
  });

  it('a failing turn tells the user briefly and logs codes, never the message', async () => {
    const backend = await openTestBackend();
    const connector = await startConnector();
    const log = capturingLogger();
    const services = buildServices(backend);
    services.identify = { who: async () => { throw new TypeError('leaked: can I post secret-123?'); } } as unknown as typeof services.identify;
    const server = await startServer({ config: testConfig(), port: 0, log, services });
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(lane, connector.url, 'can I post secret-123?')) });
    expect(res.status).toBe(200);
    expect(connector.sent[0]?.activity.text).toBe('Something went wrong on my side. Please try again in a moment.');
    expect(log.lines.join('\n')).toContain('turn failed');
    expect(log.lines.join('\n')).toContain('TypeError');
    expect(log.lines.join('\n')).not.toContain('secret-123');
    await server.close();
    await connector.close();
    await backend.close();
  });

  it('sweeps deadlines on its own timer, holding no state of its own, and stops sweeping when it stops', async () => {
    const backend = await openTestBackend();
    const log = capturingLogger();
    const services = buildServices(backend, { clock: backend.clock, ids: backend.ids });
    const server = await startServer({ config: testConfig(), port: 0, log, services, sweepEveryMs: 20 });
    const filed = await backend.desk.file({ departmentId: 'olivette', reporterAad: aadOf(sampleConfig('olivette'), 'ofc-lane'), type: 'violation', fields: { description: 'A post' } });
    if (!filed.ok) throw new Error(filed.reason);
    const version = async () => (await backend.reports.get('olivette', filed.report.id))?.report.version;
    backend.clock.advanceHours(25);
    await expect.poll(version, { timeout: 5000 }).toBe(2);
    await expect.poll(() => log.lines.join('\n')).toMatch(/info swept .*"department":"olivette"/);
    await server.close();
    backend.clock.advanceHours(25);
    await new Promise((r) => setTimeout(r, 100));
    expect(await version()).toBe(2);
    expect(log.lines.join('\n')).not.toContain('A post');
    await backend.close();
  });
});
