import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The names the deployment files share — manifest placeholders, env files, m365agents.yml, the Bicep parameters,
 * outputs and app settings, and what src/config.ts reads — agree, so a provision does not fail (or deploy a bot
 * that cannot start) over a misspelt name. Files only: no Azure, no toolkit.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Settings the platform reads, not our code: App Service, and the Application Insights agent it runs. */
const PLATFORM_SETTING = /^(WEBSITE_|SCM_|ApplicationInsightsAgent_|APPLICATIONINSIGHTS_CONNECTION_STRING$)/;

/** Set for the web app before src/config.ts reads them: Cosmos DB through the managed identity, no key. */
const AWAITING_CONFIG: Record<string, string> = {
  COSMOS_AUTH: '"managed-identity": connect to Cosmos DB with the managed identity (no COSMOS_KEY)',
  AZURE_CLIENT_ID: "the user-assigned managed identity's client id, for the Cosmos DB credential",
};

/** Settings src/config.ts reads that a production bot cannot do without; infra/azure.bicep must set each. */
const REQUIRED_IN_AZURE = ['COSMOS_ENDPOINT', 'COSMOS_DATABASE', 'MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId'];

/** Settings src/config.ts reads that the web app rightly leaves unset, and why. */
const NOT_SET_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets it',
  HOST: 'defaults to 0.0.0.0 when MicrosoftAppId is set',
  COSMOS_KEY: 'the account has local (key) auth disabled; the managed identity is used',
  LOCAL_DATA_DIR: 'only for the embedded local server of npm start',
  LOG_FORMAT: 'JSON lines are the default when MicrosoftAppId is set',
};

function parseEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) values.set(match[1]!, match[2]!.trim());
  }
  return values;
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}

const placeholders = (text: string) => new Set(matches(text, /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g));

const envDev = parseEnv(read('env/.env.dev'));
const secretsSample = parseEnv(read('env/.env.dev.user.sample'));
const bicepMain = read('infra/azure.bicep');
const bicepAll = [bicepMain, ...readdirSync(join(root, 'infra/modules')).filter((f) => f.endsWith('.bicep')).map((f) => read(`infra/modules/${f}`))].join('\n');
const parametersText = read('infra/azure.parameters.json');
const parameters = Object.keys((JSON.parse(parametersText) as { parameters: Record<string, unknown> }).parameters);
const bicepParams = matches(bicepMain, /^param\s+([A-Za-z_]\w*)\s/gm);
const bicepParamsWithoutDefault = matches(bicepMain, /^param\s+([A-Za-z_]\w*)\s+[^=\n]+$/gm);
const bicepOutputs = matches(bicepMain, /^output\s+([A-Za-z_]\w*)\s/gm);
const appSettings = new Set(matches(bicepAll, /\{\s*name:\s*'([A-Za-z_]\w*)'\s*value:/g));
const configText = read('src/config.ts');
const configReads = new Set([
  ...matches(configText, /\benv\.([A-Za-z_]\w*)/g),
  ...matches(configText, /\benv\[\s*['"]([A-Za-z_]\w*)['"]\s*\]/g),
  ...matches(configText, /\(\s*env\s*,\s*['"]([A-Za-z_]\w*)['"]/g),
]);
const manifestPath = join(root, 'appPackage/manifest.json');
const manifest = existsSync(manifestPath) ? read('appPackage/manifest.json') : undefined;

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

const project = parse(read('m365agents.yml')) as Record<string, Step[] | undefined>;
const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;

/** What each step reads (its own placeholders, plus the files it fills in), and what it writes to the env file. */
function stepIo(step: Step): { reads: Set<string>; writes: string[]; where: string } {
  const reads = placeholders(JSON.stringify(step.with ?? {}));
  const writes = Object.values(step.writeToEnvironmentFile ?? {});
  if (step.uses === 'arm/deploy') {
    for (const name of placeholders(parametersText)) reads.add(name);
    writes.push(...bicepOutputs);
  }
  if (manifest && (step.uses === 'teamsApp/zipAppPackage' || step.uses === 'teamsApp/validateManifest')) {
    for (const name of placeholders(manifest)) reads.add(name);
  }
  return { reads, writes, where: step.uses };
}

describe('env files', () => {
  it('the committed secrets sample holds only SECRET_ names, all empty', () => {
    expect(secretsSample.size).toBeGreaterThan(0);
    for (const [name, value] of secretsSample) {
      expect(name, 'env/.env.dev.user.sample').toMatch(/^SECRET_/);
      expect(value, `${name} in env/.env.dev.user.sample`).toBe('');
    }
  });

  it('no secret sits in the plain settings file', () => {
    expect([...envDev.keys()].filter((n) => n.startsWith('SECRET_'))).toEqual([]);
  });

  it('git ignores the real secrets files but keeps the sample', () => {
    const ignore = read('.gitignore').split(/\r?\n/);
    expect(ignore).toContain('env/.env.*.user');
    expect(ignore).toContain('!env/.env.dev.user.sample');
  });

  it('every value the Bicep template hands back has its line in env/.env.dev', () => {
    expect(bicepOutputs.filter((o) => !envDev.has(o))).toEqual([]);
  });
});

describe('m365agents.yml', () => {
  it('runs provision, deploy and publish', () => {
    for (const lifecycle of LIFECYCLES) expect(project[lifecycle]?.length, lifecycle).toBeGreaterThan(0);
  });

  it('every ${{VAR}} it, the Bicep parameters and the manifest use is set in env/ or by an earlier step', () => {
    const known = new Set([...envDev.keys(), ...secretsSample.keys()]);
    const undefinedNames: string[] = [];
    for (const lifecycle of LIFECYCLES) {
      for (const step of project[lifecycle] ?? []) {
        const io = stepIo(step);
        for (const name of io.reads) if (!known.has(name)) undefinedNames.push(`${lifecycle} ${io.where}: ${name}`);
        for (const name of io.writes) known.add(name);
      }
    }
    expect(undefinedNames).toEqual([]);
  });

  it('every file it points to exists', () => {
    const paths: string[] = [];
    for (const lifecycle of LIFECYCLES) {
      for (const step of project[lifecycle] ?? []) {
        const w = step.with ?? {};
        for (const key of ['manifestPath', 'ignoreFile']) if (typeof w[key] === 'string') paths.push(w[key]);
        for (const t of (w.templates ?? []) as Array<{ path: string; parameters: string }>) paths.push(t.path, t.parameters);
      }
    }
    const missing = paths.filter((p) => !existsSync(join(root, p)) && !(p.endsWith('manifest.json') && !manifest));
    expect(paths.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it.skipIf(!manifest)('the manifest is zipped after arm/deploy, which writes the bot id and domain', () => {
    const steps = (project.provision ?? []).map((s) => s.uses);
    expect(steps.indexOf('arm/deploy')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('arm/deploy')).toBeLessThan(steps.indexOf('teamsApp/zipAppPackage'));
  });

  if (!manifest) it.skip('appPackage/manifest.json does not exist yet: its ${{VAR}} placeholders are not checked', () => {});
});

describe('Bicep parameters', () => {
  it('every parameter in infra/azure.parameters.json is a param of infra/azure.bicep', () => {
    expect(parameters.filter((p) => !bicepParams.includes(p))).toEqual([]);
  });

  it('every param without a default gets a value from infra/azure.parameters.json', () => {
    expect(bicepParamsWithoutDefault.filter((p) => !parameters.includes(p))).toEqual([]);
  });

  it('the database name in env/.env.dev is the template default', () => {
    expect(bicepMain).toMatch(new RegExp(`param cosmosDatabaseName string = '${envDev.get('COSMOS_DATABASE')}'`));
  });
});

describe('web app settings and src/config.ts', () => {
  const ours = [...appSettings].filter((name) => !PLATFORM_SETTING.test(name));

  it('infra/azure.bicep sets app settings, and src/config.ts reads settings', () => {
    expect(ours.length).toBeGreaterThan(0);
    expect(configReads.size).toBeGreaterThan(0);
  });

  it('every app setting the Bicep sets is one src/config.ts reads', () => {
    const unread = ours.filter((name) => !configReads.has(name) && !(name in AWAITING_CONFIG));
    expect(unread, 'set on the web app but never read by src/config.ts').toEqual([]);
  });

  for (const [name, meaning] of Object.entries(AWAITING_CONFIG)) {
    if (!configReads.has(name)) it.todo(`src/config.ts reads ${name} (${meaning})`);
  }

  it('every setting a production bot needs is read by src/config.ts and set by infra/azure.bicep', () => {
    expect(REQUIRED_IN_AZURE.filter((name) => !configReads.has(name)), 'not read by src/config.ts').toEqual([]);
    expect(REQUIRED_IN_AZURE.filter((name) => !appSettings.has(name)), 'not set by infra/azure.bicep').toEqual([]);
  });

  it('every setting src/config.ts reads is set by infra/azure.bicep or known to be left unset there', () => {
    const missing = [...configReads].filter((name) => !appSettings.has(name) && !(name in NOT_SET_IN_AZURE));
    expect(missing, 'set these on the web app in infra/azure.bicep, or list them in NOT_SET_IN_AZURE with the reason').toEqual([]);
  });

  it('a bot secret reaches the web app only for the secret-based bot types', () => {
    expect(appSettings.has('MicrosoftAppPassword')).toBe(true);
    expect(bicepMain).toMatch(/botAppPassword: isMsi \? '' : botAadAppClientSecret/);
  });
});

describe('Cosmos DB containers', () => {
  const stringsIn = (list: string | undefined) => matches(list ?? '', /'([^']+)'/g);

  it('infra/azure.bicep creates exactly the containers src/store/cosmos.ts opens', () => {
    const inCode = stringsIn(/CONTAINERS\s*=\s*\[([^\]]*)\]/.exec(read('src/store/cosmos.ts'))?.[1]);
    const inBicep = stringsIn(/var containerNames = \[([^\]]*)\]/.exec(bicepMain)?.[1]);
    expect(inCode.length).toBeGreaterThan(0);
    expect([...inBicep].sort()).toEqual([...inCode].sort());
  });

  it('both partition every container by /departmentId', () => {
    expect(read('src/store/cosmos.ts')).toMatch(/partitionKey:\s*\{\s*paths:\s*\['\/departmentId'\]/);
    expect(read('infra/modules/cosmos.bicep')).toMatch(/paths:\s*\[\s*'\/departmentId'\s*\]/);
  });

  it('the account takes no keys and keeps continuous backups', () => {
    const cosmos = read('infra/modules/cosmos.bicep');
    expect(cosmos).toMatch(/disableLocalAuth: true/);
    expect(cosmos).toMatch(/backupPolicy: \{\s*type: 'Continuous'/);
  });
});

describe('the web app start command', () => {
  it('runs the composition root as `npm run build` compiles it', () => {
    const start = /param startCommand string = '([^']+)'/.exec(bicepMain)?.[1];
    expect(start).toBe('node dist/src/index.js');
    expect(existsSync(join(root, 'src/index.ts')), 'src/index.ts').toBe(true);
    const tsconfig = JSON.parse(read('tsconfig.json')) as { compilerOptions: { outDir?: string; rootDir?: string } };
    expect(tsconfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' });
  });
});
