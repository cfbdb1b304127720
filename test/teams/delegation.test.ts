import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cards/verbs.js';
import { runAdmin } from '../../src/cli/admin.js';
import { person, type Person } from '../support/activities.js';
import { cardOf, cardText, executeActions, startTestBot, type TestBot } from '../support/bot.js';
import type { Sent } from '../support/connector.js';

let bot: TestBot;
const lane = person('olivette', 'ofc-lane');
const diaz = person('olivette', 'ofc-diaz');
const ward = person('olivette', 'ofc-ward');
const sgtA = person('olivette', 'sgt-a');
const sgtB = person('olivette', 'sgt-b');

beforeAll(async () => {
  bot = await startTestBot();
  bot.backend.clock.set('2025-06-02T09:00:00Z');
  for (const p of [lane, diaz, ward, sgtA, sgtB]) await bot.say(p, 'hi');
});
afterAll(() => bot?.close());

async function file(p: Person, fields: Record<string, string>): Promise<string> {
  const { card } = await bot.click(p, VERBS.openForm, { type: 'repair' });
  const submit = executeActions(card).find((a) => a.verb === VERBS.submitReport)!;
  await bot.click(p, VERBS.submitReport, { ...submit.data, ...fields });
  return String(submit.data.reportId);
}

const cardTo = (sent: Sent[], p: Person) => cardOf(sent.find((s) => s.method === 'POST' && s.conversationId === p.conversationId));
const text = (reply: { sent: Sent[] }) => reply.sent.map((s) => s.activity.text ?? '').join('\n');

describe('a sergeant names an acting supervisor in Teams', () => {
  let waiting = '';

  it('what waits for the sergeant goes to the delegate at once, and the audit trail says for whom they act', async () => {
    waiting = await file(lane, { field_equipment: 'Radio 4', field_problem: 'No audio' });
    const reply = await bot.say(sgtA, 'delegate to Taylor Okafor from 2025-06-02 to 2025-06-13');
    expect(text(reply)).toContain('Taylor Okafor is your acting supervisor from 2025-06-02 to 2025-06-13');
    expect(text(reply)).toContain('1 report waiting for you was handed to them');
    const card = cardTo(reply.sent, sgtB);
    expect(cardText(card)).toContain('You are the acting supervisor: a report needs your action');
    expect(cardText(card)).toContain('Reassigned to Taylor Okafor, acting for Riley Chen');
    expect((await bot.backend.directory.config('olivette'))?.delegations).toEqual([
      { id: 'sgt-a-2025-06-02-sgt-b', member: 'sgt-a', delegate: 'sgt-b', start: '2025-06-02', end: '2025-06-13' },
    ]);
  });

  it('the delegate acts from that card; the trail says "acting for"', async () => {
    const card = cardOf(bot.connector.to(sgtB.conversationId).filter((s) => s.method === 'POST').at(-1));
    const forward = executeActions(card).find((a) => a.data.action === 'forward')!;
    const acted = await bot.click(sgtB, VERBS.act, forward.data);
    expect(cardText(acted.card)).toContain('Taylor Okafor, acting for Riley Chen, forwarded it');
    const trail = await bot.backend.reports.trail('olivette', waiting);
    expect(trail.map((e) => `${e.action} ${e.actor}${e.actingFor ? ` for ${e.actingFor}` : ''}`)).toEqual([
      'submit ofc-lane', 'reassign system for sgt-a', 'forward sgt-b for sgt-a',
    ]);
  });

  it('a new report for the sergeant goes to the delegate', async () => {
    const before = bot.connector.sent.length;
    await file(diaz, { field_equipment: 'MDT car 9', field_problem: 'Frozen' });
    expect(cardText(cardTo(bot.connector.sent.slice(before), sgtB))).toContain('A report needs your action');
    expect(cardTo(bot.connector.sent.slice(before), sgtA)).toBeUndefined();
  });

  it('asking again for the same period changes nothing', async () => {
    expect(text(await bot.say(sgtA, 'delegate to sgt-b from 2025-06-02 to 2025-06-13'))).toContain('Already set');
  });

  it.each([
    [lane, 'delegate to Riley Chen from 2025-06-02 to 2025-06-03', 'Only a supervisor names an acting supervisor'],
    [sgtA, 'delegate to Pat Nobody from 2025-06-02 to 2025-06-03', 'Nobody on the Olivette Police Department roster is called "Pat Nobody"'],
    [sgtA, 'delegate to Taylor Okafor next week', 'To name an acting supervisor, say for example'],
    [sgtA, 'delegate to Casey Brooks from 2025-06-10 to 2025-06-20', 'Taylor Okafor already acts for you from 2025-06-02 to 2025-06-13'],
  ])('%#: a request that cannot be met is answered in words, and nothing is stored', async (p, said, answer) => {
    expect(text(await bot.say(p, said))).toContain(answer);
    expect((await bot.backend.directory.config('olivette'))?.delegations).toHaveLength(1);
  });
});

describe('a delegation that starts later', () => {
  it('hands over what waits for the supervisor when the sweep reaches its start', async () => {
    const reply = await bot.say(sgtB, 'delegate to Riley Chen from 2025-06-20 to 2025-06-27');
    expect(text(reply)).toContain('when the period starts');
    bot.backend.clock.set('2025-06-19T15:00:00Z');
    const waiting = await file(ward, { field_equipment: 'Laptop 3', field_problem: 'Battery' });
    const before = bot.connector.sent.length;
    const out: string[] = [];
    const code = await runAdmin(['sweep', '--at', '2025-06-20T00:00:01Z', '--department', 'olivette'], { out: (l) => out.push(l), err: () => {} }, bot.backend.env);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ type: 'delegation', outcome: 'rerouted', from: 'sgt-b', to: 'sgt-a', count: 1 }));
    expect(cardText(cardTo(bot.connector.sent.slice(before), sgtA))).toContain('You are the acting supervisor');
    const trail = await bot.backend.reports.trail('olivette', waiting);
    expect(trail.at(-1)).toMatchObject({ action: 'reassign', actingFor: 'sgt-b', delegate: 'sgt-a' });
  });
});
