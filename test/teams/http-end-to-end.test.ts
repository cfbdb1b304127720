import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cards/verbs.js';
import { person, type Person } from '../support/activities.js';
import { cardOf, cardText, executeActions, startTestBot, type TestBot } from '../support/bot.js';
import type { CardJson, Sent } from '../support/connector.js';

/**
 * The whole way through the real HTTP server: an officer asks, files a violation report from a card, and the
 * report climbs sgt-a → lt-patrol → deputy-chief → chief, each getting it proactively in their own chat.
 */
let bot: TestBot;
const lane = person('olivette', 'ofc-lane');
const sgt = person('olivette', 'sgt-a');
const lt = person('olivette', 'lt-patrol');
const deputy = person('olivette', 'deputy-chief');
const chief = person('olivette', 'chief');
const ward = person('olivette', 'ofc-ward');

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot?.close());

/**
 * The card a member was sent proactively while someone else's request was handled. (Bot Framework proactive
 * sends reply to the continuation activity's id, so they arrive on POST …/activities/:id too.)
 */
function proactiveCard(sent: Sent[], to: Person): CardJson | undefined {
  return cardOf(sent.find((s) => s.conversationId === to.conversationId && s.method === 'POST'));
}

function button(card: CardJson | undefined, action: string) {
  const b = executeActions(card).find((a) => a.verb === VERBS.act && a.data.action === action);
  if (!b) throw new Error(`no ${action} button on:\n${cardText(card)}`);
  return b;
}

describe('an officer’s violation report, from question to closed, through the real server', () => {
  let reportId = '';
  let sgtCard: CardJson | undefined;

  it('everyone on the route has talked to the bot once, so it can reach them', async () => {
    for (const p of [lane, sgt, lt, deputy, chief, ward]) expect((await bot.say(p, 'hi')).status).toBe(200);
    for (const p of [lane, sgt, lt, deputy, chief]) expect(await bot.backend.conversations.get('olivette', p.aad)).toBeDefined();
  });

  it('the officer asks and gets a cited answer with [1] and a citation entity', async () => {
    const reply = await bot.say(lane, 'can i post a pic of my cruiser on insta?');
    const answer = reply.sent.find((s) => s.activity.text?.includes('[1]'))!;
    expect(answer.activity.text).toMatch(/^\*\*Needs approval from the Chief of Police\.\*\*/);
    const entity = answer.activity.entities?.find((e) => e.type === 'https://schema.org/Message') as { citation: Array<{ position: number; appearance: { name: string } }> };
    expect(entity.citation[0]).toMatchObject({ position: 1, appearance: { name: 'OPD 4.1 §III.C.4' } });
    expect(answer.activity.channelData).toMatchObject({ feedbackLoopEnabled: true });
  });

  it('the officer files a violation report from the form card and gets a reference number', async () => {
    const form = cardOf((await bot.say(lane, 'report a violation')).sent[0]);
    const submit = executeActions(form).find((a) => a.verb === VERBS.submitReport)!;
    const filed = await bot.click(lane, VERBS.submitReport, { ...submit.data, field_description: 'A photo of a suspect posted on a public page', field_platform: 'Instagram' }, 'form-message-1');
    reportId = String(submit.data.reportId);
    expect(cardText(filed.card)).toContain(`Your reference is ${reportId}`);
    expect(cardText(filed.card)).toContain('It is with Riley Chen');
    sgtCard = proactiveCard(filed.sent, sgt);
    expect(cardText(sgtCard)).toContain('A report needs your action');
  });

  it('someone not on the route cannot act on it, and nothing changes', async () => {
    const forward = button(sgtCard, 'forward');
    const tried = await bot.click(ward, VERBS.act, forward.data);
    expect(cardText(tried.card)).toMatch(/no report .* that you may see/i);
    const stored = await bot.backend.reports.get('olivette', reportId);
    expect(stored?.report).toMatchObject({ state: 'pending', version: 1, step: 0 });
    expect(tried.sent).toHaveLength(0);
  });

  it('the report climbs the chain: each level forwards from the card it was sent', async () => {
    let card = sgtCard;
    for (const [actor, next] of [[sgt, lt], [lt, deputy], [deputy, chief]] as const) {
      const acted = await bot.click(actor, VERBS.act, button(card, 'forward').data, `card-of-${actor.aad}`);
      expect(cardText(acted.card)).toContain('forwarded it');
      expect(executeActions(acted.card).filter((a) => a.verb === VERBS.act)).toHaveLength(0);
      const status = proactiveCard(acted.sent, lane);
      expect(cardText(status)).toContain(`With: ${next.name}`);
      card = proactiveCard(acted.sent, next);
      expect(cardText(card)).toContain('A report needs your action');
    }
    const closed = await bot.click(chief, VERBS.act, button(card, 'close').data, 'card-of-chief');
    expect(cardText(closed.card)).toContain('Closed');
    expect(cardText(proactiveCard(closed.sent, lane))).toContain('Closed');
  });

  it('the reporter saw every state, and the store holds the whole trail', async () => {
    const toLane = bot.connector.to(lane.conversationId).map((s) => cardText(cardOf(s)));
    const updates = toLane.filter((t) => t.includes(reportId) && t.includes('Update on a report'));
    expect(updates.map((t) => /^(In review|With the final decision-maker|Closed)/m.exec(t)?.[0])).toEqual([
      'In review', 'In review', 'With the final decision-maker', 'Closed',
    ]);
    const trail = await bot.backend.reports.trail('olivette', reportId);
    expect(trail.map((e) => `${e.action} ${e.actor}`)).toEqual([
      'submit ofc-lane', 'forward sgt-a', 'forward lt-patrol', 'forward deputy-chief', 'close chief',
    ]);
    const deliveries = await bot.backend.deliveries.forReport('olivette', reportId);
    expect(deliveries.map((d) => d.member)).toEqual(expect.arrayContaining(['sgt-a', 'lt-patrol', 'deputy-chief', 'chief', 'ofc-lane']));
  });
});
