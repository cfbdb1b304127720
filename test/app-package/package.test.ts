import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppPackage, parseEnvFile } from '../../scripts/lib/app-package.js';
import { readZip } from '../support/zip-read.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const scratch = mkdtempSync(join(tmpdir(), 'policy-desk-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the app package folder with its own env/.env.<env>, so the test controls the values. */
function projectWithEnv(env: string, text: string): string {
  const dir = mkdtempSync(join(scratch, 'project-'));
  cpSync(join(root, 'appPackage'), join(dir, 'appPackage'), { recursive: true });
  mkdirSync(join(dir, 'env'));
  writeFileSync(join(dir, 'env', `.env.${env}`), text);
  return dir;
}

const manifestOf = (zipFile: Buffer) => JSON.parse(readZip(zipFile).find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
const validate = (manifest: unknown) => AppManifestUtils.validateAgainstSchema(TeamsManifestConverter.jsonToManifest(JSON.stringify(manifest)));

describe('npm run package', () => {
  it('writes build/appPackage.dev.zip holding the manifest and both icons at its root', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'scripts/package-app.ts'], { cwd: root });
    expect(stdout).toContain('appPackage.dev.zip');
    const entries = readZip(readFileSync(join(root, 'build', 'appPackage.dev.zip')));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    for (const icon of ['color.png', 'outline.png']) {
      expect(entries.find((e) => e.name === icon)!.data.equals(readFileSync(join(root, 'appPackage', icon))), icon).toBe(true);
    }
  });

  it('fills the placeholders from env/.env.<env>', async () => {
    const dir = projectWithEnv('staging', 'TEAMS_APP_ID=11111111-2222-4333-8444-555555555555\nBOT_ID="66666666-7777-4888-8999-000000000000"\n# a comment\nBOT_DOMAIN=policydesk-staging.azurewebsites.net\n');
    const built = buildAppPackage(dir, 'staging');
    const manifest = manifestOf(built.zip);
    expect(manifest.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(manifest.bots[0].botId).toBe('66666666-7777-4888-8999-000000000000');
    expect(manifest.validDomains).toEqual(['policydesk-staging.azurewebsites.net']);
    expect(built.defaulted).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(await validate(manifest)).toEqual([]);
  });

  it('stands in stable GUIDs for ids not provisioned yet, and says so', async () => {
    const dir = projectWithEnv('dev', 'TEAMSFX_ENV=dev\nTEAMS_APP_ID=\nBOT_ID=\nBOT_DOMAIN=\n');
    const first = buildAppPackage(dir, 'dev');
    const manifest = manifestOf(first.zip);
    expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(manifest.validDomains).toEqual([]);
    expect(first.defaulted.map((d) => d.name)).toEqual(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']);
    expect(await validate(manifest)).toEqual([]);
    expect(buildAppPackage(dir, 'dev').zip.equals(first.zip), 'the same inputs give the same bytes').toBe(true);
  });

  it('reads env files the way the Agents Toolkit writes them', () => {
    expect(parseEnvFile('# note\nA=1\n  B = two words \nC="quoted"\nD=\'single\'\n\nbad line\n')).toEqual({ A: '1', B: 'two words', C: 'quoted', D: 'single' });
  });
});
