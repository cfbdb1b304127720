import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cards/verbs.js';
import { feedback, installed, person } from '../support/activities.js';
import { cardOf, cardText, executeActions, startTestBot, type TestBot } from '../support/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot?.close());

async function file(p: ReturnType<typeof person>, type: string, fields: Record<string, string>) {
  const { card } = await bot.click(p, VERBS.openForm, { type });
  const submit = executeActions(card).find((a) => a.verb === VERBS.submitReport)!;
  return { reportId: String(submit.data.reportId), ...(await bot.click(p, VERBS.submitReport, { ...submit.data, ...fields }, `form-of-${p.aad}`)) };
}

describe('members the bot cannot reach yet', () => {
  const park = person('olivette', 'ofc-park');
  const sgt = person('olivette', 'sgt-a');

  it('the reporter is told, the notice waits in Cosmos DB, and the sergeant gets it on their first message', async () => {
    const filed = await file(park, 'repair', { field_equipment: 'Radio', field_problem: 'Static on channel 2' });
    expect(cardText(filed.card)).toContain('Riley Chen has not opened Policy Desk in Teams yet');
    expect(filed.sent).toEqual([]);
    expect(await bot.backend.outbox.owedTo('olivette', 'sgt-a', bot.backend.clock.now())).toHaveLength(1);

    const hi = await bot.say(sgt, 'hi');
    const [notice, help] = hi.sent.map((s) => cardText(cardOf(s)));
    expect(notice).toContain('A report needs your action');
    expect(notice).toContain(filed.reportId);
    expect(help).toContain('Hello Riley Chen');
    expect(await bot.backend.outbox.owedTo('olivette', 'sgt-a', bot.backend.clock.now())).toEqual([]);

    const again = await bot.say(sgt, 'hi');
    expect(again.sent).toHaveLength(1);
    expect((await bot.backend.deliveries.forReport('olivette', filed.reportId)).map((d) => d.member)).toEqual(['ofc-park', 'sgt-a']);
  });
});

describe('a security incident', () => {
  it('goes to the direct supervisor at once, and the Chief is told at once', async () => {
    const singh = person('olivette', 'ofc-singh');
    const sgtB = person('olivette', 'sgt-b');
    const chief = person('olivette', 'chief');
    for (const p of [sgtB, chief]) await bot.post(installed(p, bot.connector.url));
    const filed = await file(singh, 'security', { field_kind: 'account_compromised', field_description: 'My account sent mail I did not write' });
    const to = (p: typeof chief) => cardText(cardOf(filed.sent.find((s) => s.conversationId === p.conversationId)));
    expect(to(sgtB)).toContain('A report needs your action');
    expect(to(chief)).toContain('the policy says you are told at once');
    expect(executeActions(cardOf(filed.sent.find((s) => s.conversationId === chief.conversationId))).map((a) => a.title)).toEqual(['Refresh']);
  });
});

describe('installing the bot', () => {
  it('stores the member’s conversation and says hello', async () => {
    const clerk = person('olivette', 'clerk-fox');
    const reply = await bot.post(installed(clerk, bot.connector.url));
    expect(reply.status).toBe(200);
    expect(cardText(cardOf(reply.sent[0]))).toContain('Hello Drew Fox');
    expect(await bot.backend.conversations.get('olivette', clerk.aad)).toMatchObject({ reference: { conversation: { id: clerk.conversationId } } });
  });
});

describe('feedback on answers', () => {
  it('a thumbs-down with a comment is stored with the department, member, message, question hash and verdict', async () => {
    const lane = person('olivette', 'ofc-lane');
    const reply = await bot.say(lane, 'can I install zoom on my work laptop?');
    const answerId = reply.sent[0]!.id;
    const voted = await bot.post(feedback(lane, bot.connector.url, answerId, 'dislike', 'It should mention the IT contractor'));
    expect(voted.status).toBe(200);
    const stored = await bot.backend.feedback.feedback('olivette');
    expect(stored).toEqual([
      expect.objectContaining({ departmentId: 'olivette', member: 'ofc-lane', messageId: answerId, reaction: 'dislike', text: 'It should mention the IT contractor', verdict: 'needs_approval', questionHash: expect.stringMatching(/^[0-9a-f]{32}$/) }),
    ]);
    expect(JSON.stringify(stored)).not.toContain('zoom');
  });

  it('a vote that is neither like nor dislike is ignored, without an error', async () => {
    const lane = person('olivette', 'ofc-lane');
    const voted = await bot.post(feedback(lane, bot.connector.url, 'nope', 'meh', ''));
    expect(voted.status).toBe(200);
    expect((await bot.backend.feedback.feedback('olivette')).map((f) => f.messageId)).not.toContain('nope');
  });
});
