import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cards/verbs.js';
import { COMMANDS, manifestCommandList, matchCommand } from '../../src/teams/commands.js';
import { message, person, stranger } from '../support/activities.js';
import { cardOf, cardText, executeActions, inputsOf, startTestBot, type TestBot } from '../support/bot.js';

let bot: TestBot;
const lane = person('olivette', 'ofc-lane');
const sgt = person('olivette', 'sgt-a');
const vega = person('long-beach', 'ofc-vega');
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot?.close());

const onlyCard = async (p: typeof lane, text: string) => {
  const reply = await bot.say(p, text);
  expect(reply.status).toBe(200);
  expect(reply.sent).toHaveLength(1);
  return cardOf(reply.sent[0]);
};

describe('the command list the manifest mirrors', () => {
  it('has the nine commands, within Teams’ length limits', () => {
    expect(COMMANDS.map((c) => c.title)).toEqual([
      'help', 'report a violation', 'report a problem', 'report a security incident', 'request approval', 'my reports', 'my inbox', 'my chain of command',
      'delegate',
    ]);
    for (const c of manifestCommandList().commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('understands plain words, and leaves questions to the policy engine', () => {
    expect(matchCommand('Report a problem')).toMatchObject({ command: { id: 'report-problem' }, rest: '' });
    expect(matchCommand('report a problem: the MDT in car 12 is dead')).toMatchObject({ command: { id: 'report-problem' }, rest: 'the MDT in car 12 is dead' });
    expect(matchCommand('Who is my supervisor?')).toMatchObject({ command: { id: 'my-chain' } });
    expect(matchCommand('inbox')).toMatchObject({ command: { id: 'my-inbox' } });
    expect(matchCommand('who do I report a broken monitor to?')).toBeUndefined();
    expect(matchCommand('can I report a violation anonymously?')).toBeUndefined();
    expect(matchCommand('delegate to Sam Ortiz from 2025-07-01 to 2025-07-14')).toMatchObject({ command: { id: 'delegate' }, rest: 'to Sam Ortiz from 2025-07-01 to 2025-07-14' });
    expect(matchCommand('delegated authority for approvals?')).toBeUndefined();
  });
});

describe('commands in a 1:1 chat', () => {
  it('help: what the bot does, the commands, and a button for each of the department’s forms', async () => {
    const card = await onlyCard(lane, 'help');
    expect(cardText(card)).toContain('Hello Avery Lane');
    expect(cardText(card)).toContain('**my chain of command**');
    expect(executeActions(card).map((a) => a.data.type)).toEqual(['violation', 'repair', 'security', 'approval']);
  });

  it.each([
    ['report a violation', 'Violation report', 'subject'],
    ['report a problem', 'Repair or service report', 'field_equipment'],
    ['report a security incident', 'Security incident', 'field_kind'],
    ['request approval', 'Approval request', 'field_request'],
  ])('"%s" opens the %s form', async (text, label, input) => {
    const card = await onlyCard(lane, text);
    expect(cardText(card)).toContain(label);
    expect(Object.keys(inputsOf(card))).toContain(input);
    expect(executeActions(card).map((a) => a.verb)).toEqual([VERBS.submitReport]);
  });

  it('a form command can carry the details: they are filled in', async () => {
    const card = await onlyCard(lane, 'report a problem: the MDT in car 12 is dead');
    expect(inputsOf(card).field_problem).toBe('the MDT in car 12 is dead');
  });

  it('Long Beach has its own form, by its own words', async () => {
    const card = await onlyCard(vega, 'report obscene access');
    expect(cardText(card)).toContain('Unintended access to obscene material');
  });

  it('my chain of command: everyone above me, up to the Chief', async () => {
    const reply = await bot.say(lane, 'my chain of command');
    expect(reply.sent[0]?.activity.text).toBe(
      'Your chain of command, Avery Lane:\n\n1. Riley Chen, Sergeant, A Shift\n\n2. Casey Brooks, Patrol Lieutenant\n\n3. Morgan Ruiz, Deputy Chief\n\n4. Jordan Hale, Chief of Police',
    );
  });

  it('my reports and my inbox: empty at first, then the filed report in each', async () => {
    expect(cardText(await onlyCard(lane, 'my reports'))).toContain('You have not filed any reports');
    expect(cardText(await onlyCard(sgt, 'my inbox'))).toContain('Nothing is waiting for you');
    const form = await onlyCard(lane, 'report a problem');
    const submit = executeActions(form)[0]!;
    await bot.click(lane, VERBS.submitReport, { ...submit.data, field_equipment: 'MDT', field_problem: 'Black screen' });
    const mine = await onlyCard(lane, 'my reports');
    expect(cardText(mine)).toContain(`Repair or service report ${submit.data.reportId}`);
    expect(cardText(mine)).toContain('with Riley Chen');
    const inbox = await onlyCard(sgt, 'my inbox');
    expect(cardText(inbox)).toContain('from Avery Lane');
    expect(executeActions(inbox)).toEqual([{ title: 'Open', verb: VERBS.view, data: { reportId: submit.data.reportId } }]);
  });

  it('an empty message gets help, not an error', async () => {
    expect(cardText(await onlyCard(lane, '   '))).toContain('Policy Desk');
  });
});

describe('questions', () => {
  it('an answer has the verdict in words, [1] markers, no AI label, and follow-ups for its verdict', async () => {
    const reply = await bot.say(lane, 'I saw a coworker post a racist meme on facebook, what do I do?');
    const [answer, followUps] = reply.sent;
    expect(answer?.activity.text).toMatch(/^\*\*You must report it to the Chief of Police\.\*\* .*OPD 4\.1 §IV \(Reporting\) \[1\]/);
    const entity = answer?.activity.entities?.[0] as Record<string, unknown>;
    expect(entity).toMatchObject({ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '' });
    expect(entity.additionalType).toBeUndefined();
    const actions = executeActions(cardOf(followUps));
    expect(actions[0]).toMatchObject({ title: 'Report it: Violation report', verb: VERBS.openForm, data: { type: 'violation' } });
    expect(JSON.stringify(cardOf(followUps))).toContain('Action.ShowCard');
  });

  it('a repair question offers the repair form, prefilled from the question', async () => {
    const reply = await bot.say(lane, 'my monitor is broken who do I tell');
    const open = executeActions(cardOf(reply.sent[1]))[0]!;
    expect(open.data).toEqual({ type: 'repair', prefill: { problem: 'my monitor is broken who do I tell' } });
  });

  it('a Long Beach officer who opened an obscene site is offered the form its order names', async () => {
    const reply = await bot.say(vega, 'I accidentally opened a porn site at work, what do I do?');
    expect(executeActions(cardOf(reply.sent[1]))[0]).toMatchObject({ title: 'Report it: Unintended access to obscene material', data: { type: 'obscene-access' } });
  });

  it('"Show section" holds the full section text from the library', async () => {
    const reply = await bot.say(lane, 'can I install zoom on my work laptop?');
    const followUps = JSON.stringify(cardOf(reply.sent[1]));
    expect(followUps).toContain('OPD 4.1 §III.B.7 — Installing software and peripherals');
    expect(executeActions(cardOf(reply.sent[1]))[0]).toMatchObject({ title: 'Request approval', data: { type: 'approval', prefill: { request: 'install_software' } } });
  });

  it('a Long Beach answer says the order is rescinded, in the text and on the citation', async () => {
    const reply = await bot.say(vega, 'can I post a photo in uniform on facebook?');
    expect(reply.sent[0]?.activity.text).toContain('was rescinded on 2021-07-22');
    expect(JSON.stringify(reply.sent[0]?.activity.entities)).toContain('RESCINDED');
  });

  it('an @mention in a channel is answered with the mention stripped, and the channel is not kept for notices', async () => {
    const ward = person('olivette', 'ofc-ward');
    const activity = message(ward, bot.connector.url, '<at>Policy Desk</at> can i post a pic of my cruiser on insta?', {
      conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: ward.tenantId },
      entities: [{ type: 'mention', text: '<at>Policy Desk</at>', mentioned: { id: '28:policy-desk-bot', name: 'Policy Desk' } }],
    });
    const reply = await bot.post(activity);
    expect(reply.sent[0]?.activity.text).toMatch(/^\*\*Needs approval/);
    expect(await bot.backend.conversations.get('olivette', ward.aad)).toBeUndefined();
  });
});

describe('who is asking', () => {
  it('an unknown Teams tenant is told Policy Desk is not set up for it', async () => {
    const reply = await bot.say(stranger('00000000-0000-4000-8000-000000000000'), 'can I post a selfie?');
    expect(reply.sent[0]?.activity.text).toMatch(/not set up for your organization yet/);
  });

  it('someone not on the roster may ask, and is told whom to ask to be added before filing', async () => {
    const pat = stranger(lane.tenantId);
    const reply = await bot.say(pat, 'can i post a pic of my cruiser on insta?');
    expect(reply.sent[0]?.activity.text).toMatch(/^\*\*Needs approval/);
    const followUps = cardOf(reply.sent[1]);
    expect(cardText(followUps)).toContain('Ask Morgan Ruiz (Deputy Chief) to add you');
    expect(executeActions(followUps)).toEqual([]);
    const refused = await bot.say(pat, 'report a violation');
    expect(refused.sent[0]?.activity.text).toMatch(/not on the Olivette Police Department roster yet.*Morgan Ruiz/);
  });

  it('in local anonymous mode a message with no tenant is answered from Olivette’s library', async () => {
    const reply = await bot.say(stranger(undefined), 'can i post a pic of my cruiser on insta?');
    expect(reply.sent[0]?.activity.text).toContain('OPD 4.1');
  });
});
