import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cards/verbs.js';
import { runAdmin } from '../../src/cli/admin.js';
import { person } from '../support/activities.js';
import { cardOf, cardText, executeActions, startTestBot, type TestBot } from '../support/bot.js';
import type { Sent } from '../support/connector.js';

/**
 * Through the real server, the admin CLI and a connector having a bad spell: a sergeant ignores a violation report,
 * `admin sweep --at` past the SLA moves it to the lieutenant, tells the Chief and updates the reporter's card in place,
 * and every notification arrives once the connector recovers, none lost and none twice.
 */
let bot: TestBot;
const lane = person('olivette', 'ofc-lane');
const sgt = person('olivette', 'sgt-a');
const lt = person('olivette', 'lt-patrol');
const chief = person('olivette', 'chief');
const FILED_AT = '2025-06-02T09:00:00.000Z';
const at = (hours: number, minutes = 0) => new Date(Date.parse(FILED_AT) + hours * 3600_000 + minutes * 60_000).toISOString();

beforeAll(async () => {
  bot = await startTestBot();
  bot.backend.clock.set(FILED_AT);
});
afterAll(() => bot?.close());

async function admin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, bot.backend.env);
  return { code, lines: out.map((l) => JSON.parse(l) as Record<string, unknown>), err: err.join('\n') };
}

const since = (n: number) => bot.connector.sent.slice(n);
const posts = (sent: Sent[], to: typeof lane) => sent.filter((s) => s.method === 'POST' && s.conversationId === to.conversationId);
const puts = (sent: Sent[], to: typeof lane) => sent.filter((s) => s.method === 'PUT' && s.conversationId === to.conversationId);

describe('a violation report the sergeant ignores', () => {
  let reportId = '';
  let sgtCopy = '';

  it('is filed from the form; the sergeant gets it, the reporter holds the filed card', async () => {
    for (const p of [lane, sgt, lt, chief]) await bot.say(p, 'hi');
    const { card: form } = await bot.click(lane, VERBS.openForm, { type: 'violation' });
    const submit = executeActions(form).find((a) => a.verb === VERBS.submitReport)!;
    reportId = String(submit.data.reportId);
    const filed = await bot.click(lane, VERBS.submitReport, { ...submit.data, field_description: 'A post naming a witness' }, 'lane-form-card');
    expect(cardText(filed.card)).toContain('It is with Riley Chen');
    const toSgt = posts(filed.sent, sgt);
    expect(toSgt).toHaveLength(1);
    sgtCopy = toSgt[0]!.id;
  });

  it('admin sweep --at past the SLA moves it to the lieutenant while the connector fails; nothing is lost', async () => {
    const before = bot.connector.sent.length;
    bot.connector.failNext(2, 500);
    bot.connector.failNext(1, 429, 1);
    const swept = await admin('sweep', '--at', at(24, 1), '--department', 'olivette');
    expect(swept.code, swept.err).toBe(0);
    expect(swept.lines).toEqual([
      expect.objectContaining({ type: 'reminder50', report: reportId, outcome: 'superseded' }),
      expect.objectContaining({ type: 'reminder75', report: reportId, outcome: 'superseded' }),
      { department: 'olivette', deadline: `${reportId}:1:deadline:escalate`, type: 'escalate', report: reportId, outcome: 'escalated', from: 'sgt-a', to: 'lt-patrol' },
      { department: 'olivette', outbox: { sent: 0, retrying: 3, dead: 0 } },
    ]);
    expect(bot.connector.refused.map((r) => r.status)).toEqual([500, 500, 429]);
    expect(since(before)).toEqual([]);
    expect((await bot.backend.reports.get('olivette', reportId))?.report).toMatchObject({ state: 'pending', step: 1, lastTransition: { action: 'escalate', by: 'system' } });

    const pending = await admin('outbox', '--department', 'olivette', '--state', 'pending');
    expect(pending.lines.map((l) => `${l.purpose} ${l.member ?? ''} ${l.lastError ?? ''}`.trim())).toEqual([
      'card chief http_500', 'card lt-patrol http_500', 'card ofc-lane http_429', 'refresh',
    ]);
  });

  it('once the connector recovers, the next sweep delivers: the lieutenant, the Chief, and the reporter’s card updated in place', async () => {
    const before = bot.connector.sent.length;
    const swept = await admin('sweep', '--at', at(24, 10), '--department', 'olivette');
    expect(swept.lines).toEqual([{ department: 'olivette', outbox: { sent: 6, retrying: 0, dead: 0 } }]);
    const sent = since(before);

    const [toLt] = posts(sent, lt);
    expect(posts(sent, lt)).toHaveLength(1);
    expect(cardText(cardOf(toLt))).toContain('A report needs your action');
    expect(cardText(cardOf(toLt))).toContain('Escalated by the system: SLA of 24 h missed by Riley Chen');
    expect(executeActions(cardOf(toLt)).map((a) => a.data.action)).toContain('forward');

    expect(posts(sent, chief)).toHaveLength(1);
    expect(cardText(cardOf(posts(sent, chief)[0]))).toContain('Escalated: a level did not act in time');

    const [status] = posts(sent, lane);
    expect(posts(sent, lane)).toHaveLength(1);
    expect(cardText(cardOf(status))).toContain('In review · escalated');
    const [laneUpdate] = puts(sent, lane);
    expect(puts(sent, lane).map((p) => p.id)).toEqual(['lane-form-card']);
    expect(cardText(cardOf(laneUpdate))).toContain('In review · escalated');
    expect(cardText(cardOf(laneUpdate))).toContain('With: Casey Brooks');

    const [sgtUpdate] = puts(sent, sgt);
    expect(puts(sent, sgt).map((p) => p.id)).toEqual([sgtCopy]);
    expect(executeActions(cardOf(sgtUpdate)).filter((a) => a.verb === VERBS.act)).toEqual([]);
  });

  it('a later sweep sends nothing again, and the admin sees nothing left undelivered', async () => {
    const before = bot.connector.sent.length;
    const swept = await admin('sweep', '--at', at(25), '--department', 'olivette');
    expect(swept.lines).toEqual([{ department: 'olivette', outbox: { sent: 0, retrying: 0, dead: 0 } }]);
    expect(since(before)).toEqual([]);
    expect((await admin('outbox', '--department', 'olivette')).lines).toEqual([]);
    const trail = await bot.backend.reports.trail('olivette', reportId);
    expect(trail.map((e) => `${e.action} ${e.actor}`)).toEqual(['submit ofc-lane', 'escalate system']);
  });

  it('the lieutenant acts on the card the sweep sent; the reporter’s copies follow', async () => {
    bot.backend.clock.set(at(25));
    const toLt = bot.connector.to(lt.conversationId).filter((s) => s.method === 'POST').at(-1);
    const forward = executeActions(cardOf(toLt)).find((a) => a.data.action === 'forward')!;
    const acted = await bot.click(lt, VERBS.act, forward.data, toLt!.id);
    expect(cardText(acted.card)).toContain('Casey Brooks forwarded it');
    expect(puts(acted.sent, lane).map((p) => p.id).sort()).toEqual(['lane-form-card', posts(bot.connector.sent, lane).at(-2)!.id].sort());
  });
});
