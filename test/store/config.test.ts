import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('Cosmos DB configuration', () => {
  it('with nothing set, the embedded local server and the policydesk database', () => {
    expect(loadConfig({})).toEqual({ ok: true, config: { cosmos: { mode: 'embedded', database: 'policydesk' } } });
  });

  it('an endpoint with its key selects that account', () => {
    const env = { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k', COSMOS_DATABASE: 'pd-prod' };
    expect(loadConfig(env)).toEqual({ ok: true, config: { cosmos: { mode: 'remote', endpoint: env.COSMOS_ENDPOINT, database: 'pd-prod', auth: { kind: 'key', key: 'k' } } } });
  });

  it('names every problem at once', () => {
    const r = loadConfig({ COSMOS_ENDPOINT: 'http://acct', COSMOS_DATABASE: 'bad name!' });
    expect(r).toEqual({
      ok: false,
      problems: [
        'COSMOS_DATABASE "bad name!" is not a valid database id (letters, digits, - and _)',
        'COSMOS_ENDPOINT must use https: "http://acct"',
        'COSMOS_ENDPOINT is set but neither COSMOS_KEY nor COSMOS_AUTH (managed-identity or azure-cli) is',
      ],
    });
  });

  it('a key without an endpoint is a mistake, not a silent fallback', () => {
    expect(loadConfig({ COSMOS_KEY: 'k' })).toMatchObject({ ok: false, problems: [expect.stringContaining('COSMOS_ENDPOINT is not')] });
  });

  it('a managed identity signs in with no key, with the identity named by AZURE_CLIENT_ID', () => {
    const env = { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'cid' };
    expect(loadConfig(env)).toEqual({
      ok: true,
      config: { cosmos: { mode: 'remote', endpoint: env.COSMOS_ENDPOINT, database: 'policydesk', auth: { kind: 'managed-identity', clientId: 'cid' } } },
    });
  });

  it('an administrator can use their own az login against a key-less account', () => {
    const r = loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_AUTH: 'azure-cli' });
    expect(r).toMatchObject({ ok: true, config: { cosmos: { auth: { kind: 'azure-cli' } } } });
  });

  it('refuses an unknown sign-in method and a key alongside a managed identity', () => {
    const endpoint = 'https://acct.documents.azure.com:443/';
    expect(loadConfig({ COSMOS_ENDPOINT: endpoint, COSMOS_AUTH: 'password' })).toMatchObject({ ok: false, problems: [expect.stringContaining('is not one of key, managed-identity, azure-cli')] });
    expect(loadConfig({ COSMOS_ENDPOINT: endpoint, COSMOS_AUTH: 'managed-identity', COSMOS_KEY: 'k' })).toMatchObject({ ok: false, problems: [expect.stringContaining('remove the key')] });
  });
});
