/**
 * Builds build/appPackage.<env>.zip, the file to upload to Teams.
 * Run: npm run package [-- --env prod]   (default env: dev; values come from env/.env.<env>)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { buildAppPackage } from './lib/app-package.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = args.indexOf('--env');
const env = flag >= 0 ? args[flag + 1] : 'dev';
if (!env || !/^[a-z0-9-]+$/i.test(env)) {
  console.error('usage: npm run package [-- --env NAME]   (NAME: letters, digits, -)');
  process.exit(2);
}

const built = buildAppPackage(root, env);
for (const { name, value } of built.defaulted) {
  const stand = value ? `the placeholder ${value} stands in` : 'it is left out of validDomains';
  console.warn(`warning: ${name} is not set in env/.env.${env}; ${stand}. Set it before uploading the package to Teams.`);
}
const problems = await AppManifestUtils.validateAgainstSchema(TeamsManifestConverter.jsonToManifest(JSON.stringify(built.manifest)));
if (problems.length > 0) {
  console.error(`appPackage/manifest.json does not pass its schema (${String(built.manifest.$schema)}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const out = join(root, 'build', `appPackage.${env}.zip`);
mkdirSync(join(root, 'build'), { recursive: true });
writeFileSync(out, built.zip);
console.log(`wrote ${relative(process.cwd(), out)} (${built.zip.length} bytes): manifest.json, color.png, outline.png`);
