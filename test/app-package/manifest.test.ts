import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { resolveManifest } from '../../scripts/lib/app-package.js';
import { colorIcon, outlineIcon } from '../../scripts/make-icons.js';
import { encodePng } from '../../scripts/lib/png.js';
import { loadBotCommands } from '../support/bot-commands.js';
import { readPng } from '../support/png-read.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const appPackage = join(root, 'appPackage');
const template = readFileSync(join(appPackage, 'manifest.json'), 'utf8');
const raw = JSON.parse(template) as {
  $schema: string;
  id: string;
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }>;
  validDomains: string[];
};
const bot = raw.bots[0]!;
const filled = resolveManifest(template, 'test', {
  TEAMS_APP_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  BOT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  BOT_DOMAIN: 'policydesk.example.org',
}).manifest;

/** Teams' documented limits for a bot command menu (tighter than the schema's). */
const MAX_COMMANDS = 10;
const MAX_TITLE = 32;
const MAX_DESCRIPTION = 128;

describe('Teams app manifest', () => {
  it('uses the Agents Toolkit placeholders for the app id, the bot id and the bot domain', () => {
    expect(raw.id).toBe('${{TEAMS_APP_ID}}');
    expect(bot.botId).toBe('${{BOT_ID}}');
    expect(raw.validDomains).toEqual(['${{BOT_DOMAIN}}']);
  });

  it('is valid against its manifest schema, read offline from @microsoft/app-manifest', async () => {
    const schemaDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
    const bundled = join(schemaDir, new URL(raw.$schema).pathname.replace(/^\/[a-z]{2}-[a-z]{2}\//, '/'));
    expect(existsSync(bundled), `${raw.$schema} is not bundled (looked for ${bundled})`).toBe(true);
    const manifest = TeamsManifestConverter.jsonToManifest(JSON.stringify(filled));
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  it('installs the bot in personal chats, teams and group chats', () => {
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('lists the same commands for each scope, within Teams limits', () => {
    expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    const [first, ...rest] = bot.commandLists.map((l) => l.commands);
    for (const commands of rest) expect(commands).toEqual(first);
    expect(first!.length).toBeLessThanOrEqual(MAX_COMMANDS);
    for (const { title, description } of first!) {
      expect(title.length, title).toBeLessThanOrEqual(MAX_TITLE);
      expect(description.length, title).toBeGreaterThan(0);
      expect(description.length, title).toBeLessThanOrEqual(MAX_DESCRIPTION);
    }
  });

  it("lists exactly the bot's own commands", async (ctx) => {
    const found = await loadBotCommands(root);
    if (!found.found) {
      const note = `not compared with the bot's commands: ${found.reason}`;
      console.warn(`manifest.test.ts: ${note}`);
      return ctx.skip(note);
    }
    const titles = bot.commandLists[0]!.commands.map((c) => c.title);
    expect(titles, `${found.module} exports ${found.exportName}`).toEqual(found.commands.map((c) => c.title));
    for (const { title, description } of found.commands) {
      if (description) expect(bot.commandLists[0]!.commands.find((c) => c.title === title)?.description, title).toBe(description);
    }
  });
});

describe('Teams app icons', () => {
  const color = readPng(readFileSync(join(appPackage, 'color.png')));
  const outline = readPng(readFileSync(join(appPackage, 'outline.png')));
  const pixels = ({ pixels: p }: { pixels: Uint8Array }) => Array.from({ length: p.length / 4 }, (_, i) => Array.from(p.subarray(i * 4, i * 4 + 4)));

  it('has a 192×192 full-colour icon', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    const all = pixels(color);
    expect(all.every(([, , , a]) => a === 255), 'colour icon is opaque').toBe(true);
    const colourful = all.filter(([r, g, b]) => Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 60);
    expect(colourful.length).toBeGreaterThan(all.length / 2);
  });

  it('has a 32×32 outline icon, white on a transparent background', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colorType, 'RGBA, so it can be transparent').toBe(6);
    const all = pixels(outline);
    const visible = all.filter(([, , , a]) => a! > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255), 'every visible pixel is white').toBe(true);
    expect(all[0]![3], 'the corner is transparent').toBe(0);
    expect(visible.length).toBeGreaterThan(all.length / 8);
    expect(visible.length).toBeLessThan(all.length / 2);
  });

  it('are the icons scripts/make-icons.ts draws (re-run it after changing the drawing)', () => {
    expect(encodePng(colorIcon()).equals(readFileSync(join(appPackage, 'color.png')))).toBe(true);
    expect(encodePng(outlineIcon()).equals(readFileSync(join(appPackage, 'outline.png')))).toBe(true);
  });
});
