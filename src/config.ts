/** The only reader of process.env: settings are validated once, at start, with messages that say what to fix. */

/** How the service signs in to a real Cosmos DB account. */
export type CosmosAuth =
  | { kind: 'key'; key: string }
  /** Data-plane RBAC through the App Service's user-assigned identity (AZURE_CLIENT_ID), no key anywhere. */
  | { kind: 'managed-identity'; clientId?: string }
  /** An administrator's own `az login`, for the admin CLI against a key-less account. */
  | { kind: 'azure-cli' };

export type CosmosConfig =
  | { mode: 'remote'; endpoint: string; database: string; auth: CosmosAuth }
  /**
   * No endpoint configured: an in-process local server, seeded with the sample departments; with
   * LOCAL_DATA_DIR its data is kept in that folder across restarts.
   */
  | { mode: 'embedded'; database: string; dataDir?: string };

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

const COSMOS_AUTH_KINDS = ['key', 'managed-identity', 'azure-cli'] as const;

export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const endpoint = env.COSMOS_ENDPOINT?.trim() || undefined;
  const key = env.COSMOS_KEY?.trim() || undefined;
  const database = env.COSMOS_DATABASE?.trim() || 'policydesk';
  const authKind = env.COSMOS_AUTH?.trim() || (key || !endpoint ? 'key' : undefined);
  const problems: string[] = [];
  if (!DATABASE_ID.test(database)) problems.push(`COSMOS_DATABASE "${database}" is not a valid database id (letters, digits, - and _)`);
  if (endpoint) {
    const bad = endpointProblem(endpoint);
    if (bad) problems.push(bad);
    if (!authKind) problems.push('COSMOS_ENDPOINT is set but neither COSMOS_KEY nor COSMOS_AUTH (managed-identity or azure-cli) is');
    else if (!(COSMOS_AUTH_KINDS as readonly string[]).includes(authKind)) {
      problems.push(`COSMOS_AUTH "${authKind}" is not one of ${COSMOS_AUTH_KINDS.join(', ')}`);
    } else if (authKind === 'key' && !key) problems.push('COSMOS_KEY is required when COSMOS_AUTH is key');
    else if (authKind !== 'key' && key) problems.push(`COSMOS_KEY is set but COSMOS_AUTH is ${authKind}: remove the key`);
  } else if (key || env.COSMOS_AUTH?.trim()) {
    problems.push('COSMOS_KEY or COSMOS_AUTH is set but COSMOS_ENDPOINT is not: set the endpoint, or neither to use the embedded local server');
  }
  if (problems.length > 0) return { ok: false, problems };
  const dataDir = env.LOCAL_DATA_DIR?.trim() || undefined;
  if (!endpoint) return { ok: true, config: { cosmos: { mode: 'embedded', database, ...(dataDir ? { dataDir } : {}) } } };
  return { ok: true, config: { cosmos: { mode: 'remote', endpoint, database, auth: cosmosAuth(authKind!, key, env.AZURE_CLIENT_ID?.trim()) } } };
}

function cosmosAuth(kind: string, key: string | undefined, clientId: string | undefined): CosmosAuth {
  if (kind === 'managed-identity') return clientId ? { kind, clientId } : { kind };
  if (kind === 'azure-cli') return { kind };
  return { kind: 'key', key: key! };
}

/** How the bot proves who it is to Teams and checks who calls it. */
export type BotAuth =
  /** No app id: the local Playground or Emulator talk to the bot without tokens; only bound to localhost by default. */
  | { mode: 'anonymous'; defaultDepartment: string }
  | { mode: 'authenticated'; appId: string; appType: BotAppType; tenantId?: string; password?: string };

export const BOT_APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;
export type BotAppType = (typeof BOT_APP_TYPES)[number];
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Where Application Insights takes telemetry, from its connection string. */
export interface AppInsightsConfig {
  instrumentationKey: string;
  ingestionEndpoint: string;
}

export interface BotConfig extends Config {
  port: number;
  host: string;
  bot: BotAuth;
  logLevel: LogLevel;
  /** JSON lines in production (an app id is set), plain text locally, unless LOG_FORMAT says otherwise. */
  logFormat: LogFormat;
  appInsights?: AppInsightsConfig;
}

export type BotConfigResult = { ok: true; config: BotConfig } | { ok: false; problems: string[] };

/** Where a tenant-less activity lands in local anonymous mode (the Playground normally sends a tenant). */
export const LOCAL_DEFAULT_DEPARTMENT = 'olivette';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function setting(env: Record<string, string | undefined>, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function portOf(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return 3978;
  const port = Number(raw);
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  problems.push(`PORT must be a whole number from 0 to 65535, not "${raw}"`);
  return 3978;
}

function appTypeOf(raw: string | undefined, problems: string[]): BotAppType {
  if (raw === undefined) return 'SingleTenant';
  const found = BOT_APP_TYPES.find((t) => t.toLowerCase() === raw.toLowerCase());
  if (!found) problems.push(`MicrosoftAppType must be one of ${BOT_APP_TYPES.join(', ')}, not "${raw}"`);
  return found ?? 'SingleTenant';
}

function authenticated(env: Record<string, string | undefined>, appId: string, problems: string[]): BotAuth {
  const appType = appTypeOf(setting(env, 'MicrosoftAppType'), problems);
  const password = setting(env, 'MicrosoftAppPassword');
  const tenantId = setting(env, 'MicrosoftAppTenantId');
  if (!GUID.test(appId)) problems.push(`MicrosoftAppId must be the bot's Microsoft Entra app (client) id, a GUID; got "${appId}"`);
  if (tenantId && !GUID.test(tenantId)) problems.push(`MicrosoftAppTenantId must be a tenant id (a GUID); got "${tenantId}"`);
  if (appType !== 'MultiTenant' && !tenantId) problems.push(`MicrosoftAppTenantId is required for a ${appType} bot`);
  if (appType === 'UserAssignedMSI' && password) problems.push('MicrosoftAppPassword must not be set for a UserAssignedMSI bot: the managed identity is the credential');
  if (appType !== 'UserAssignedMSI' && !password) {
    problems.push(`MicrosoftAppPassword is required for a ${appType} bot (or set MicrosoftAppType=UserAssignedMSI with the managed identity's client id as MicrosoftAppId)`);
  }
  return { mode: 'authenticated', appId, appType, ...(tenantId ? { tenantId } : {}), ...(password ? { password } : {}) };
}

function botAuthOf(env: Record<string, string | undefined>, problems: string[]): BotAuth {
  const appId = setting(env, 'MicrosoftAppId');
  if (appId) return authenticated(env, appId, problems);
  for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType']) {
    if (setting(env, name)) problems.push(`${name} is set but MicrosoftAppId is not: set MicrosoftAppId, or unset ${name} to run in local anonymous mode`);
  }
  return { mode: 'anonymous', defaultDepartment: LOCAL_DEFAULT_DEPARTMENT };
}

function logLevelOf(raw: string | undefined, problems: string[]): LogLevel {
  if (raw === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${raw}"`);
  return level ?? 'info';
}

function logFormatOf(raw: string | undefined, fallback: LogFormat, problems: string[]): LogFormat {
  if (raw === undefined) return fallback;
  const format = LOG_FORMATS.find((f) => f === raw.toLowerCase());
  if (!format) problems.push(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}, not "${raw}"`);
  return format ?? fallback;
}

/** "InstrumentationKey=…;IngestionEndpoint=https://…/" as the Azure portal gives it. */
function appInsightsOf(raw: string | undefined, problems: string[]): AppInsightsConfig | undefined {
  if (raw === undefined) return undefined;
  const parts = Object.fromEntries(raw.split(';').map((p) => p.split('=')).filter((kv) => kv.length >= 2).map(([k, ...v]) => [k!.trim().toLowerCase(), v.join('=').trim()]));
  const instrumentationKey = parts['instrumentationkey'];
  const ingestionEndpoint = parts['ingestionendpoint'] ?? 'https://dc.services.visualstudio.com/';
  if (!instrumentationKey || !GUID.test(instrumentationKey)) {
    problems.push('APPLICATIONINSIGHTS_CONNECTION_STRING has no valid InstrumentationKey (copy it from the Application Insights resource)');
    return undefined;
  }
  return { instrumentationKey, ingestionEndpoint };
}

/**
 * Everything the bot server needs. Without MicrosoftAppId the bot runs in local anonymous mode and listens on
 * 127.0.0.1 only (an unauthenticated bot must not be reachable from the network); with one, it validates every
 * Bot Framework token and listens on all interfaces unless HOST says otherwise.
 */
export function loadBotConfig(env: Record<string, string | undefined> = process.env): BotConfigResult {
  const problems: string[] = [];
  const base = loadConfig(env);
  if (!base.ok) problems.push(...base.problems);
  const port = portOf(setting(env, 'PORT'), problems);
  const bot = botAuthOf(env, problems);
  const host = setting(env, 'HOST') ?? (bot.mode === 'anonymous' ? '127.0.0.1' : '0.0.0.0');
  const logLevel = logLevelOf(setting(env, 'LOG_LEVEL'), problems);
  const logFormat = logFormatOf(setting(env, 'LOG_FORMAT'), bot.mode === 'authenticated' ? 'json' : 'text', problems);
  const appInsights = appInsightsOf(setting(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING'), problems);
  if (!base.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { ...base.config, port, host, bot, logLevel, logFormat, ...(appInsights ? { appInsights } : {}) } };
}
