/**
 * The bot in the Microsoft 365 Agents Playground, driven in Chromium as Avery Lane (Olivette patrol officer):
 * a question gets a cited verdict; a repair report filed from its card comes back with a reference number and
 * lands in the sergeant's inbox (a second Playground, signed in as Riley Chen, on the same bot).
 * Needs /usr/bin/chromium (Debian's package; .ci/run installs it). Each test leaves a screenshot in build/e2e/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { freePort, startBot, startPlayground, type Running } from '../../scripts/lib/local-stack.js';
import { findMember, playgroundConfigYaml, readRoster } from '../../scripts/lib/playground-config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const BOT_ENTRY = join(root, 'src', 'index.ts');
const SCREENSHOTS = join(root, 'build', 'e2e');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Everything the bot and the playground printed, shown when a test fails. */
const output: string[] = [];
const log = (line: string) => output.push(line);
const running: Running[] = [];
let bot: Running;
let officerPlayground: Running;
let browser: BrowserContext | undefined;
let work: string | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}, and the browser test needs it: run \`apt-get update && apt-get install -y chromium\` (.ci/run does this).`);
  }
  if (!existsSync(BOT_ENTRY)) throw new Error('src/index.ts does not exist, so there is no bot to chat with.');
  bot = await startBot({ root, port: await freePort(), log, timeoutMs: 40_000 });
  running.push(bot);
  officerPlayground = await playgroundFor(join(root, '.m365agentsplayground.yml'));
  work = mkdtempSync(join(tmpdir(), 'policy-desk-e2e-'));
  browser = await chromium.launchPersistentContext(join(work, 'chromium'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  browser.setDefaultTimeout(8_000);
}, 50_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(running.map((r) => r.stop()));
  if (work) rmSync(work, { recursive: true, force: true });
}, 20_000);

async function playgroundFor(configPath: string): Promise<Running> {
  const playground = await startPlayground({ root, port: await freePort(), botEndpoint: bot.url, configPath, log });
  running.push(playground);
  return playground;
}

/** A fresh personal chat with the bot; the log panel is closed so text matches only the conversation. */
async function openChat(ctx: TestContext, playground = officerPlayground, who = 'officer'): Promise<{ page: Page; send(text: string): Promise<void> }> {
  const page = await browser!.newPage();
  const screenshot = join(SCREENSHOTS, `${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.${who}.png`);
  ctx.onTestFinished(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => undefined);
  });
  ctx.onTestFailed(() => console.error(`screenshot: ${screenshot}\nlast output of the bot and the playground:\n${output.slice(-30).join('\n')}`));
  await page.goto(playground.url);
  await page.getByTitle('Toggle Log Panel').click();
  const box = page.locator('[contenteditable="true"][role="textbox"]');
  return {
    page,
    async send(text) {
      await box.fill(text);
      await box.press('Enter');
    },
  };
}

describe('Policy Desk in the Agents Playground', () => {
  it('answers a question with a verdict and a citation of the deciding section', { timeout: 20_000 }, async (ctx) => {
    const { page, send } = await openChat(ctx);
    await send('can I post a picture of my patrol car on Instagram?');
    const answer = page.locator('p').filter({ hasText: 'Needs approval from the Chief of Police' });
    await expect.poll(() => answer.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => answer.textContent()).toContain('OPD 4.1 §III.C.4');
    // The [1] marker is a native citation: hovering it shows the section and the start of its quote.
    const marker = answer.getByRole('button', { name: '1', exact: true });
    await expect.poll(() => marker.count(), { message: 'a [1] citation marker rendered by the playground' }).toBe(1);
    await marker.hover();
    const popup = page.locator('[data-popper-placement]').filter({ hasText: 'OPD 4.1 §III.C.4' });
    await expect.poll(() => popup.textContent()).toContain('An employee must not post');
  });

  it('files a repair report from its card and confirms it with a reference number', { timeout: 20_000 }, async (ctx) => {
    const reference = await fileRepairReport(await openChat(ctx));
    expect(reference).toMatch(/^REP-\d{6}-[0-9A-Z]{6}$/);
  });

  it("puts the officer's report in the sergeant's inbox", { timeout: 25_000 }, async (ctx) => {
    const reference = await fileRepairReport(await openChat(ctx));
    const found = findMember(readRoster(root), 'olivette', 'sgt-a');
    if (!found.ok) throw new Error(found.message);
    const configPath = join(work!, 'sgt-a.yml');
    writeFileSync(configPath, playgroundConfigYaml(found.department, found.member));
    const sergeant = await openChat(ctx, await playgroundFor(configPath), 'sergeant');
    const card = (title: string) => sergeant.page.locator('.ac-adaptiveCard').filter({ hasText: title }).filter({ hasText: reference });
    // Riley Chen had not opened Policy Desk yet: the notice waits for them and arrives when they do.
    await card('A report needs your action').waitFor({ timeout: 10_000 });
    await sergeant.send('my inbox');
    await card('My inbox').waitFor({ timeout: 10_000 });
    await card('My inbox').scrollIntoViewIfNeeded();
  });
});

/** Opens the repair form, fills it, submits it; returns the reference the filed report shows. */
async function fileRepairReport({ page, send }: { page: Page; send(text: string): Promise<void> }): Promise<string> {
  await send('report a problem');
  const equipment = page.getByLabel('Equipment or software');
  await equipment.waitFor({ timeout: 10_000 });
  await equipment.fill('Mobile data terminal, patrol car 12');
  await page.getByLabel(/^Problem/).fill('Freezes at the login screen every morning');
  await page.getByLabel('Where it is').fill('Patrol car 12');
  await page.getByRole('button', { name: 'Submit' }).click();
  const confirmation = page.getByText(/Repair or service report REP-\d{6}-[0-9A-Z]{6}/);
  await confirmation.waitFor({ timeout: 10_000 });
  await confirmation.scrollIntoViewIfNeeded();
  await expect.poll(() => equipment.count(), { message: 'the form gave way to the filed report' }).toBe(0);
  return /REP-\d{6}-[0-9A-Z]{6}/.exec((await confirmation.textContent()) ?? '')![0];
}
