import type { Activity, ConversationReference } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import type { Failure } from '../../src/app/retry-policy.js';
import { runAdmin } from '../../src/cli/admin.js';
import { ReportDesk } from '../../src/app/reports.js';
import { buildServices } from '../../src/compose.js';
import { silentLogger } from '../../src/log.js';
import type { Report } from '../../src/routing/types.js';
import { repositories } from '../../src/store/connect.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import type { CardCopy, Delivered, Transport } from '../../src/teams/messenger.js';
import { OutboxSender } from '../../src/teams/outbox-sender.js';
import { cardText, executeActions } from '../support/bot.js';
import type { CardJson } from '../support/connector.js';
import { countingQueries } from '../support/counting.js';
import { openTestBackend, type TestBackend } from '../support/cosmos.js';
import { CrashAfterWrites, InjectedCrash } from '../support/crash.js';
import { aadOf, sampleConfig } from '../support/samples.js';

const OLIVETTE = sampleConfig('olivette');
const aad = (member: string) => aadOf(OLIVETTE, member);
const chatOf = (member: string) => `a:personal-${aad(member)}`;

/** The channel as the outbox sees it: records what arrives, and fails the calls it is told to. */
class FakeChannel implements Transport {
  readonly sent: Array<{ conversationId: string; card: CardJson }> = [];
  readonly updated: Array<{ copy: CardCopy; card: CardJson }> = [];
  private readonly failures: Array<Failure | 'crash'> = [];
  private n = 0;

  failNext(...failures: Array<Failure | 'crash'>): void {
    this.failures.push(...failures);
  }

  private card(activity: Partial<Activity>): CardJson {
    return activity.attachments![0]!.content as CardJson;
  }

  private outcome(): Delivered | undefined {
    const f = this.failures.shift();
    if (f === 'crash') throw new InjectedCrash();
    return f ? { ok: false, ...f } : undefined;
  }

  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<Delivered> {
    const failed = this.outcome();
    if (failed) return failed;
    const conversationId = reference.conversation!.id;
    this.sent.push({ conversationId, card: this.card(activity) });
    return { ok: true, activityId: `msg-${++this.n}`, conversationId };
  }

  async update(_reference: Partial<ConversationReference>, copy: CardCopy, activity: Partial<Activity>): Promise<Delivered> {
    const failed = this.outcome();
    if (failed) return failed;
    this.updated.push({ copy, card: this.card(activity) });
    return { ok: true, activityId: copy.activityId, conversationId: copy.conversationId };
  }
}

let b: TestBackend;
let channel: FakeChannel;
afterEach(() => b?.close());

async function setUp(reachable = ['ofc-lane', 'sgt-a', 'sgt-b', 'lt-patrol', 'chief']) {
  b = await openTestBackend();
  channel = new FakeChannel();
  for (const m of reachable) {
    const reference = { channelId: 'msteams', serviceUrl: 'http://connector.test', conversation: { id: chatOf(m) }, user: { id: `29:${aad(m)}` }, bot: { id: '28:bot' } };
    await b.conversations.save({ departmentId: 'olivette', aadObjectId: aad(m), reference, updatedAt: b.clock.now().toISOString() });
  }
}

function senderWith(opts: { outbox?: OutboxStore; maxAttempts?: number } = {}) {
  const s = buildServices(b, { clock: b.clock, ids: b.ids });
  return new OutboxSender({
    outbox: opts.outbox ?? s.outbox, deliveries: s.deliveries, conversations: s.conversations, reports: s.reports, views: s.views,
    directory: s.directory, transport: channel, clock: b.clock, random: { next: () => 0 }, log: silentLogger,
    ...(opts.maxAttempts ? { policy: { baseMs: 30_000, maxDelayMs: 3600_000, maxAttempts: opts.maxAttempts, maxAgeMs: 48 * 3600_000 } } : {}),
  });
}

async function file(type: 'repair' | 'security', reporter = 'ofc-lane'): Promise<Report> {
  const fields = type === 'repair' ? { equipment: 'MDT in car 12', problem: 'Screen stays black' } : { kind: 'breach', description: 'Odd logins' };
  const r = await b.desk.file({ departmentId: 'olivette', reporterAad: aad(reporter), type, fields });
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

const seconds = (n: number) => b.clock.advanceHours(n / 3600);
const entries = async (reportId: string) => (await b.outbox.forReport('olivette', reportId)).filter((e) => e.purpose === 'card');

describe('a connector that fails for a while', () => {
  it('a 5xx is retried with backoff; once it recovers the card arrives, once', async () => {
    await setUp();
    const report = await file('repair');
    const sender = senderWith();
    channel.failNext({ error: 'http_500' }, { error: 'http_503' });
    expect(await sender.sendDue('olivette')).toMatchObject({ sent: 0, retrying: 1 });
    expect(await sender.sendDue('olivette')).toMatchObject({ sent: 0, retrying: 0 }); // not due yet
    seconds(15); // first retry: between 15 and 30 s (the test's jitter picks the shortest)
    expect(await sender.sendDue('olivette')).toMatchObject({ sent: 0, retrying: 1 });
    seconds(29);
    expect(await sender.sendDue('olivette')).toMatchObject({ sent: 0 });
    seconds(1);
    expect(await sender.sendDue('olivette')).toMatchObject({ sent: 1 });
    expect(await sender.sendDue('olivette')).toMatchObject({ sent: 0 });
    expect(channel.sent.map((s) => s.conversationId)).toEqual([chatOf('sgt-a')]);
    expect(await entries(report.id)).toEqual([expect.objectContaining({ member: 'sgt-a', state: 'sent', attempts: 3, lastError: 'http_503' })]);
  });

  it('a 429 is honoured: the pass stops, and that entry waits at least the Retry-After', async () => {
    await setUp();
    const report = await file('security', 'ofc-singh'); // to sgt-b, and the Chief told at once
    channel.failNext({ error: 'http_429', retryAfterMs: 120_000 });
    expect(await senderWith().sendDue('olivette')).toMatchObject({ sent: 0, retrying: 1, throttled: true });
    const [first, second] = await entries(report.id);
    expect(Date.parse(first!.nextAttemptAt) - b.clock.now().getTime()).toBe(120_000);
    expect(second).toMatchObject({ state: 'pending', attempts: 0 });
    seconds(120);
    expect(await senderWith().sendDue('olivette')).toMatchObject({ sent: 2 });
  });

  it('after the last attempt an entry is dead, listed for the admin, never dropped', async () => {
    await setUp();
    const report = await file('repair');
    const sender = senderWith({ maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      channel.failNext({ error: 'http_502' });
      await sender.sendDue('olivette');
      seconds(3600);
    }
    expect(await entries(report.id)).toEqual([expect.objectContaining({ state: 'dead', attempts: 3, lastError: 'http_502' })]);
    const out: string[] = [];
    const code = await runAdmin(['outbox', '--department', 'olivette', '--state', 'dead'], { out: (l) => out.push(l), err: () => {} }, b.env);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ department: 'olivette', report: report.id, purpose: 'card', member: 'sgt-a', reason: 'assigned', state: 'dead', attempts: 3, lastError: 'http_502' }),
    ]);
  });

  it('a sender killed between its claim and the send: after the lease another sends it, once', async () => {
    await setUp();
    const report = await file('repair');
    const dying = new CrashAfterWrites(b.stores.reports, 1); // the claim, then nothing
    channel.failNext('crash');
    await expect(senderWith({ outbox: new OutboxStore(dying) }).sendDue('olivette')).rejects.toBeInstanceOf(InjectedCrash);
    await dying.idle();
    expect(await senderWith().sendDue('olivette')).toMatchObject({ sent: 0 }); // still leased
    seconds(61);
    expect(await senderWith().sendDue('olivette')).toMatchObject({ sent: 1 });
    expect(await senderWith().sendDue('olivette')).toMatchObject({ sent: 0 });
    expect(channel.sent).toHaveLength(1);
    expect(await entries(report.id)).toEqual([expect.objectContaining({ state: 'sent', attempts: 2 })]);
  });
});

describe('a member the bot cannot reach yet', () => {
  it('is retried, then marked dead; the cards still reach them when they first talk to the bot', async () => {
    await setUp(['ofc-lane']);
    const report = await file('repair');
    const sender = senderWith({ maxAttempts: 2 });
    expect(await sender.sendDue('olivette')).toMatchObject({ unreachable: ['sgt-a'] });
    seconds(3600);
    await sender.sendDue('olivette');
    expect(await entries(report.id)).toEqual([expect.objectContaining({ state: 'dead', lastError: 'unreachable' })]);

    const reference = { channelId: 'msteams', serviceUrl: 'http://connector.test', conversation: { id: chatOf('sgt-a') }, user: { id: `29:${aad('sgt-a')}` } };
    await b.conversations.save({ departmentId: 'olivette', aadObjectId: aad('sgt-a'), reference, updatedAt: b.clock.now().toISOString() });
    const dir = (await b.directory.directory('olivette'))!;
    expect(await sender.sendOwed(dir, dir.byId.get('sgt-a')!)).toMatchObject({ sent: 1 });
    expect(cardText(channel.sent[0]!.card)).toContain('A report needs your action');
    expect(await entries(report.id)).toEqual([expect.objectContaining({ state: 'sent' })]);
    // Handled: the mark is cleared, so their next turns read it and look no further.
    expect(await b.stores.reports.read('olivette', 'owed:sgt-a')).toMatchObject({ owed: false });
    expect(await sender.sendOwed(dir, dir.byId.get('sgt-a')!)).toMatchObject({ sent: 0 });
    expect(channel.sent).toHaveLength(1);
  });

  it('a member no send ever failed for is not looked up: their turn reads one marker, finds none, and stops', async () => {
    await setUp(['ofc-lane', 'sgt-a']);
    await file('repair');
    const sender = senderWith({});
    expect(await sender.sendDue('olivette')).toMatchObject({ sent: 1, unreachable: [] });
    expect(await b.stores.reports.read('olivette', 'owed:sgt-a')).toBeUndefined();
    const dir = (await b.directory.directory('olivette'))!;
    expect(await sender.sendOwed(dir, dir.byId.get('sgt-a')!)).toMatchObject({ sent: 0 });
  });
});

describe('every copy of a report’s card kept current', () => {
  it('after a transition each earlier copy is updated in place, as its holder may now see it', async () => {
    await setUp();
    const report = await file('repair');
    const sender = senderWith();
    await sender.sendDue('olivette', report.id);
    const sgtCopy = channel.sent.find((s) => s.conversationId === chatOf('sgt-a'))!;
    expect(executeActions(sgtCopy.card).map((a) => a.data.action)).toContain('forward');
    expect(sgtCopy.card.refresh).toMatchObject({ action: { verb: 'report.view', data: { reportId: report.id } }, userIds: [`29:${aad('sgt-a')}`] });

    const moved = await b.desk.act({ departmentId: 'olivette', reportId: report.id, actor: { aadObjectId: aad('sgt-a') }, action: 'forward', expectedVersion: 1, commandId: 'f1' });
    expect(moved.ok).toBe(true);
    await sender.sendDue('olivette', report.id);
    expect(channel.sent.map((s) => s.conversationId)).toEqual([chatOf('sgt-a'), chatOf('lt-patrol'), chatOf('ofc-lane')]);
    expect(channel.updated.map((u) => u.copy)).toEqual([{ conversationId: chatOf('sgt-a'), activityId: 'msg-1' }]);
    const updated = channel.updated[0]!.card;
    expect(cardText(updated)).toContain('With: Casey Brooks');
    expect(executeActions(updated).filter((a) => a.verb === 'report.act')).toEqual([]);
    expect((await b.deliveries.copies('olivette', report.id)).map((d) => `${d.member} v${d.version}`).sort()).toEqual(['lt-patrol v2', 'ofc-lane v2', 'sgt-a v2']);
  });
});

describe('right after a transition', () => {
  it('its cards and the updates of earlier copies go out read by id, with no query', async () => {
    await setUp();
    const counted = countingQueries(b.stores.reports);
    const repos = repositories({ ...b.stores, reports: counted.store }, { clock: b.clock, ids: b.ids });
    const s = buildServices(repos, { clock: b.clock, ids: b.ids });
    const sender = new OutboxSender({
      outbox: s.outbox, deliveries: s.deliveries, conversations: s.conversations, reports: s.reports, views: s.views,
      directory: s.directory, transport: channel, clock: b.clock, random: { next: () => 0 }, log: silentLogger,
    });
    const dir = (await repos.directory.directory('olivette'))!;
    const desk = new ReportDesk({ directory: repos.directory, reports: repos.reports, clock: b.clock, ids: b.ids });
    const filed = await desk.file({ departmentId: 'olivette', reporterAad: aad('ofc-lane'), type: 'repair', fields: { equipment: 'MDT in car 12', problem: 'Screen stays black' } });
    if (!filed.ok) throw new Error(filed.reason);
    counted.reset();
    expect(await sender.sendEntries(dir, filed.owed)).toMatchObject({ sent: 1, unreachable: [] });
    const moved = await desk.act({ departmentId: 'olivette', reportId: filed.report.id, actor: { aadObjectId: aad('sgt-a') }, action: 'forward', expectedVersion: 1, commandId: 'f1' });
    if (!moved.ok) throw new Error(moved.reason);
    expect(await sender.sendEntries(dir, moved.owed)).toMatchObject({ sent: 4 }); // two cards, the refresh, its update
    expect(channel.sent.map((x) => x.conversationId)).toEqual([chatOf('sgt-a'), chatOf('lt-patrol'), chatOf('ofc-lane')]);
    expect(channel.updated.map((u) => u.copy)).toEqual([{ conversationId: chatOf('sgt-a'), activityId: 'msg-1' }]);
    expect(counted.queries()).toBe(0);
  });
});

