/** The only reader of process.env: settings are validated once, at start, with messages that say what to fix. */

export type CosmosConfig =
  | { mode: 'remote'; endpoint: string; key: string; database: string }
  /** No endpoint configured: an in-process local server, seeded with the sample departments. */
  | { mode: 'embedded'; database: string };

export interface Config {
  cosmos: CosmosConfig;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const DATABASE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

function endpointProblem(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `COSMOS_ENDPOINT is not a URL: "${endpoint}" (expected e.g. https://my-account.documents.azure.com:443/)`;
  }
  return url.protocol === 'https:' ? undefined : `COSMOS_ENDPOINT must use https: "${endpoint}"`;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const endpoint = env.COSMOS_ENDPOINT?.trim() || undefined;
  const key = env.COSMOS_KEY?.trim() || undefined;
  const database = env.COSMOS_DATABASE?.trim() || 'policydesk';
  const problems: string[] = [];
  if (!DATABASE_ID.test(database)) problems.push(`COSMOS_DATABASE "${database}" is not a valid database id (letters, digits, - and _)`);
  if (endpoint) {
    const bad = endpointProblem(endpoint);
    if (bad) problems.push(bad);
    if (!key) problems.push('COSMOS_KEY is required when COSMOS_ENDPOINT is set');
  } else if (key) {
    problems.push('COSMOS_KEY is set but COSMOS_ENDPOINT is not: set both, or neither to use the embedded local server');
  }
  if (problems.length > 0) return { ok: false, problems };
  const cosmos: CosmosConfig = endpoint && key ? { mode: 'remote', endpoint, key, database } : { mode: 'embedded', database };
  return { ok: true, config: { cosmos } };
}
