import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('Cosmos DB configuration', () => {
  it('with nothing set, the embedded local server and the policydesk database', () => {
    expect(loadConfig({})).toEqual({ ok: true, config: { cosmos: { mode: 'embedded', database: 'policydesk' } } });
  });

  it('an endpoint with its key selects that account', () => {
    const env = { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k', COSMOS_DATABASE: 'pd-prod' };
    expect(loadConfig(env)).toEqual({ ok: true, config: { cosmos: { mode: 'remote', endpoint: env.COSMOS_ENDPOINT, key: 'k', database: 'pd-prod' } } });
  });

  it('names every problem at once', () => {
    const r = loadConfig({ COSMOS_ENDPOINT: 'http://acct', COSMOS_DATABASE: 'bad name!' });
    expect(r).toEqual({
      ok: false,
      problems: [
        'COSMOS_DATABASE "bad name!" is not a valid database id (letters, digits, - and _)',
        'COSMOS_ENDPOINT must use https: "http://acct"',
        'COSMOS_KEY is required when COSMOS_ENDPOINT is set',
      ],
    });
  });

  it('a key without an endpoint is a mistake, not a silent fallback', () => {
    expect(loadConfig({ COSMOS_KEY: 'k' })).toMatchObject({ ok: false, problems: [expect.stringContaining('COSMOS_ENDPOINT is not')] });
  });
});
