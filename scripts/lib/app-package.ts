/** The Teams app package: appPackage/manifest.json with its ${{VAR}} placeholders filled from env/.env.<env>, plus both icons. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableGuid } from './stable-guid.js';
import { zip } from './zip.js';

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** KEY=VALUE lines as the Agents Toolkit writes them; # comments and blank lines ignored, quotes stripped. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

export function readEnv(root: string, env: string): Record<string, string> {
  const file = join(root, 'env', `.env.${env}`);
  return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
}

export interface ResolvedManifest {
  manifest: Record<string, unknown>;
  /** Placeholders that had no value in the env file, and what stands in for them. */
  defaulted: Array<{ name: string; value: string }>;
}

/** Fills placeholders; an id left unset becomes a stable GUID, an unset domain is dropped from validDomains. */
export function resolveManifest(template: string, env: string, values: Record<string, string>): ResolvedManifest {
  const defaulted: ResolvedManifest['defaulted'] = [];
  const text = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value) return value;
    const stand = name.endsWith('_ID') ? stableGuid(env, name) : '';
    if (!defaulted.some((d) => d.name === name)) defaulted.push({ name, value: stand });
    return stand;
  });
  const manifest = JSON.parse(text) as Record<string, unknown>;
  if (Array.isArray(manifest.validDomains)) manifest.validDomains = manifest.validDomains.filter((d) => d !== '');
  return { manifest, defaulted };
}

export interface AppPackage extends ResolvedManifest {
  zip: Buffer;
}

export function buildAppPackage(root: string, env: string): AppPackage {
  const dir = join(root, 'appPackage');
  const resolved = resolveManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'), env, readEnv(root, env));
  const manifestBytes = Buffer.from(`${JSON.stringify(resolved.manifest, null, 2)}\n`);
  const files = PACKAGE_FILES.map((name) => ({ name, data: name === 'manifest.json' ? manifestBytes : readFileSync(join(dir, name)) }));
  return { ...resolved, zip: zip(files) };
}
