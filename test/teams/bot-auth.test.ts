import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBotConfig } from '../../src/config.js';
import { message, person } from '../support/activities.js';
import { startTestBot, type TestBot } from '../support/bot.js';

const APP_ID = '0b5c7e0a-1111-4222-8333-944445555666';
const TENANT = '84f6a51c-30f5-5a76-bb13-28a74bc9264f';

describe('bot configuration', () => {
  it('with no app id, local anonymous mode on port 3978, bound to localhost only', () => {
    expect(loadBotConfig({})).toMatchObject({ ok: true, config: { port: 3978, host: '127.0.0.1', bot: { mode: 'anonymous', defaultDepartment: 'olivette' } } });
  });

  it('a single-tenant bot needs its password and tenant, and listens on all interfaces', () => {
    const env = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: TENANT, PORT: '8080' };
    expect(loadBotConfig(env)).toMatchObject({ ok: true, config: { port: 8080, host: '0.0.0.0', bot: { mode: 'authenticated', appType: 'SingleTenant', appId: APP_ID, tenantId: TENANT } } });
  });

  it('an app id alone is refused, naming both missing settings', () => {
    const r = loadBotConfig({ MicrosoftAppId: APP_ID });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      'MicrosoftAppTenantId is required for a SingleTenant bot',
      expect.stringContaining('MicrosoftAppPassword is required for a SingleTenant bot'),
    ]);
  });

  it('a user-assigned managed identity needs its client id and tenant, and no password', () => {
    expect(loadBotConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT })).toMatchObject({ ok: true, config: { bot: { appType: 'UserAssignedMSI' } } });
    expect(loadBotConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'x' })).toMatchObject({ ok: false, problems: [expect.stringContaining('must not be set')] });
  });

  it('a multi-tenant bot needs a password but no tenant', () => {
    expect(loadBotConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'multitenant', MicrosoftAppPassword: 'x' })).toMatchObject({ ok: true, config: { bot: { appType: 'MultiTenant' } } });
  });

  it('names every problem at once: bad port, unknown type, a password with no app id, bad Cosmos settings', () => {
    const r = loadBotConfig({ PORT: 'eighty', MicrosoftAppPassword: 'x', LOG_LEVEL: 'loud', COSMOS_KEY: 'k' });
    expect(!r.ok && r.problems).toEqual([
      expect.stringContaining('COSMOS_KEY or COSMOS_AUTH is set but COSMOS_ENDPOINT is not'),
      'PORT must be a whole number from 0 to 65535, not "eighty"',
      expect.stringContaining('MicrosoftAppPassword is set but MicrosoftAppId is not'),
      'LOG_LEVEL must be one of debug, info, warn, error, not "loud"',
    ]);
    expect(loadBotConfig({ MicrosoftAppId: 'not-a-guid', MicrosoftAppType: 'Sometimes', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: TENANT })).toMatchObject({
      ok: false, problems: [expect.stringContaining('MicrosoftAppType must be one of'), expect.stringContaining('MicrosoftAppId must be')],
    });
  });
});

/** A JWT that looks the part but was signed with a key of our own making. */
function forgedToken(issuer: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT', kid: 'forged' });
  const body = b64({ iss: issuer, aud: APP_ID, serviceurl: 'http://127.0.0.1', nbf: now - 60, exp: now + 3600 });
  const sig = createHmac('sha256', 'not-microsoft').update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

describe('with an app id configured, every request must carry a valid Bot Framework token', () => {
  let bot: TestBot;
  const lane = person('olivette', 'ofc-lane');
  beforeAll(async () => {
    // botbuilder's CloudAdapter prints each refused request's stack trace; the status code is what matters here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    bot = await startTestBot({ mode: 'authenticated', appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT, password: 'not-a-real-secret' });
  });
  afterAll(async () => {
    await bot?.close();
    vi.restoreAllMocks();
  });

  it('a request with no Authorization header gets 401 and the bot does nothing', async () => {
    const reply = await bot.post(message(lane, bot.connector.url, 'hi'));
    expect(reply.status).toBe(401);
    expect(reply.sent).toEqual([]);
    expect(await bot.backend.conversations.get('olivette', lane.aad)).toBeUndefined();
  });

  it('a forged token from an issuer the Bot Framework does not use gets 401', async () => {
    const reply = await bot.post(message(lane, bot.connector.url, 'hi'), { authorization: `Bearer ${forgedToken('https://evil.example.com')}` });
    expect(reply.status).toBe(401);
    expect(reply.sent).toEqual([]);
  });

  it('a token that is not even a JWT gets 401', async () => {
    const reply = await bot.post(message(lane, bot.connector.url, 'hi'), { authorization: 'Bearer abc.def' });
    expect(reply.status).toBe(401);
    expect(await bot.backend.conversations.get('olivette', lane.aad)).toBeUndefined();
  });
});
