import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cards/verbs.js';
import { cardAction, person } from '../support/activities.js';
import { cardOf, cardText, executeActions, inputsOf, startTestBot, type TestBot } from '../support/bot.js';
import type { CardJson } from '../support/connector.js';

let bot: TestBot;
const lane = person('olivette', 'ofc-lane');
const diaz = person('olivette', 'ofc-diaz');
const sgt = person('olivette', 'sgt-a');
const lt = person('olivette', 'lt-patrol');
const ward = person('olivette', 'ofc-ward');
const park = person('olivette', 'ofc-park');
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot?.close());

async function formFor(p: typeof lane, type: string, prefill?: unknown) {
  const { card } = await bot.click(p, VERBS.openForm, { type, ...(prefill === undefined ? {} : { prefill }) });
  const submit = executeActions(card).find((a) => a.verb === VERBS.submitReport);
  return { card, submit: submit!.data as { type: string; reportId: string } };
}

async function stored(reporter: string) {
  return (await bot.backend.queries.filedBy('olivette', reporter)).map((r) => r.id);
}

/** A repair filed by diaz (so the other tests' reports do not mix in), as the sergeant's card shows it. */
async function fileRepair(fields = { field_equipment: 'MDT car 7', field_problem: 'No signal' }): Promise<{ reportId: string; version: number }> {
  const { submit } = await formFor(diaz, 'repair');
  const { card } = await bot.click(diaz, VERBS.submitReport, { ...submit, ...fields });
  expect(cardText(card)).toContain('Filed');
  return { reportId: submit.reportId, version: 1 };
}

const act = (p: typeof lane, data: Record<string, unknown>) => bot.click(p, VERBS.act, data);

describe(`${VERBS.openForm}`, () => {
  it('opens the form for a type, prefilled with text values only', async () => {
    const { card } = await formFor(lane, 'approval', { details: 'Install Zoom', request: 'install_software', url: 42 });
    expect(inputsOf(card)).toMatchObject({ field_details: 'Install Zoom', field_request: 'install_software', field_url: undefined });
  });

  it.each([
    [{}, 'did not say which form'],
    [{ type: 42 }, 'is not valid'],
    [{ type: '../../etc' }, 'is not valid'],
    [{ type: 'obscene-access' }, 'has no "obscene-access" form'],
  ])('refuses %j with a clear message', async (data, message) => {
    const { card } = await bot.click(lane, VERBS.openForm, data);
    expect(cardText(card)).toContain('Nothing was changed');
    expect(cardText(card)).toContain(message);
  });
});

describe(`${VERBS.submitReport}: bad data is refused inside the form, nothing is lost and nothing is stored`, () => {
  it('a missing required field: the form comes back with the values typed and a message by the field', async () => {
    const { submit } = await formFor(lane, 'violation');
    const { card } = await bot.click(lane, VERBS.submitReport, { ...submit, field_platform: 'Instagram', field_url: 'https://example.com/p/1' });
    expect(cardText(card)).toContain('"What was posted or shown" is required.');
    expect(inputsOf(card)).toMatchObject({ field_platform: 'Instagram', field_url: 'https://example.com/p/1' });
    expect(executeActions(card).find((a) => a.verb === VERBS.submitReport)?.data.reportId).toBe(submit.reportId);
    expect(await stored('ofc-lane')).toEqual([]);
  });

  it('wrong types and oversize text are named, field by field', async () => {
    const { submit } = await formFor(lane, 'violation');
    const { card } = await bot.click(lane, VERBS.submitReport, { ...submit, field_description: 'x'.repeat(2001), field_platform: 17, field_url: ['a'] });
    const text = cardText(card);
    expect(text).toContain('"What was posted or shown" is longer than 2000 characters.');
    expect(text).toContain('"Platform or site" must be text.');
    expect(text).toContain('"Link" must be text.');
    expect(inputsOf(card).field_description).toHaveLength(2001);
    expect(await stored('ofc-lane')).toEqual([]);
  });

  it('a choice that is not on the list is refused', async () => {
    const { submit } = await formFor(lane, 'security');
    const { card } = await bot.click(lane, VERBS.submitReport, { ...submit, field_kind: 'alien_invasion', field_description: 'x' });
    expect(cardText(card)).toContain('"What happened" must be one of');
  });

  it('a password in a field is refused, and never echoed back into the card', async () => {
    const { submit } = await formFor(lane, 'security');
    const { card } = await bot.click(lane, VERBS.submitReport, { ...submit, field_kind: 'password_disclosed', field_description: 'my password is Hunter2!' });
    expect(cardText(card)).toMatch(/looks like it contains a password/);
    expect(JSON.stringify(card)).not.toContain('Hunter2');
    expect(await stored('ofc-lane')).toEqual([]);
    expect(bot.log.lines.join('\n')).not.toContain('Hunter2');
  });

  it('naming yourself or someone not on the roster as the employee involved is refused', async () => {
    const { submit } = await formFor(lane, 'violation');
    for (const subject of ['ofc-lane', 'nobody']) {
      const { card } = await bot.click(lane, VERBS.submitReport, { ...submit, field_description: 'x', subject });
      expect(cardText(card)).toContain('Pick someone else from the roster');
    }
    expect(await stored('ofc-lane')).toEqual([]);
  });

  it('a made-up reference is replaced: the report is filed under a fresh one', async () => {
    const { submit } = await formFor(park, 'repair');
    const { card } = await bot.click(park, VERBS.submitReport, { ...submit, reportId: 'x/../../y', field_equipment: 'Radio', field_problem: 'Static' });
    const [id] = await stored('ofc-park');
    expect(id).toMatch(/^REP-\d{6}-[0-9A-Z]{6}$/);
    expect(cardText(card)).toContain(`Your reference is ${id}`);
  });

  it('submitting the same form twice files one report', async () => {
    const { submit } = await formFor(ward, 'repair');
    const data = { ...submit, field_equipment: 'Printer', field_problem: 'Jammed' };
    await bot.click(ward, VERBS.submitReport, data);
    await bot.click(ward, VERBS.submitReport, data);
    expect(await stored('ofc-ward')).toEqual([submit.reportId]);
  });

  it('a form with no type is refused with a message', async () => {
    const { card } = await bot.click(lane, VERBS.submitReport, { reportId: 'VIO-250602-AAAAAA' });
    expect(cardText(card)).toContain('did not say which form');
  });
});

describe(`${VERBS.act}: the actor is who Teams says clicked`, () => {
  let report: { reportId: string; version: number };
  beforeAll(async () => {
    report = await fileRepair();
  });

  it.each([
    [{ action: 'forward', version: 1 }, 'did not say which report'],
    [{ reportId: 'RE P', action: 'forward', version: 1 }, 'is not valid'],
    [{ reportId: 'REP-250602-AAAAAA', action: 'delete', version: 1 }, 'does not know'],
    [{ reportId: 'REP-250602-AAAAAA', action: 'forward', version: '1' }, 'which version'],
    [{ reportId: 'REP-250602-AAAAAA', action: 'forward', version: 1, comment: 12 }, 'comment must be text'],
  ])('malformed data %j gets a clear message', async (data, message) => {
    const { card } = await act(sgt, data);
    expect(cardText(card)).toContain(message);
  });

  it('returning without a comment is refused on the card, and the report does not move', async () => {
    const { card } = await act(sgt, { reportId: report.reportId, action: 'return', version: 1 });
    expect(cardText(card)).toContain('Say what information is needed');
    expect(executeActions(card).map((a) => a.data.action)).toContain('return');
    expect((await bot.backend.reports.get('olivette', report.reportId))?.report.version).toBe(1);
  });

  it('a comment with a password, or longer than 4000 characters, is refused', async () => {
    for (const comment of ['pw=Sup3rs3cret', 'y'.repeat(4001)]) {
      const { card } = await act(sgt, { reportId: report.reportId, action: 'forward', version: 1, comment });
      expect(cardText(card)).toMatch(/password|longer than 4000/);
    }
    expect((await bot.backend.reports.get('olivette', report.reportId))?.report.version).toBe(1);
  });

  it('card data cannot make someone else the actor: the officer cannot forward as the sergeant', async () => {
    const { card } = await act(lane, { reportId: report.reportId, action: 'forward', version: 1, actor: 'sgt-a', aadObjectId: sgt.aad });
    expect(cardText(card)).toMatch(/no report .* that you may see/i);
    expect((await bot.backend.reports.get('olivette', report.reportId))?.report.version).toBe(1);
  });

  it('the sergeant returns it with a question; the reporter resubmits with the answer', async () => {
    const returned = await act(sgt, { reportId: report.reportId, action: 'return', version: 1, comment: 'Which car?' });
    expect(cardText(returned.card)).toContain('Returned for information');
    const toDiaz = returned.sent.find((s) => s.conversationId === diaz.conversationId);
    expect(cardText(cardOf(toDiaz))).toContain('“Which car?”');
    const resubmitted = await act(diaz, { reportId: report.reportId, action: 'resubmit', version: 2, field_location: 'Car 7, lot B' });
    expect(cardText(resubmitted.card)).toContain('resubmitted it');
    expect((await bot.backend.reports.get('olivette', report.reportId))?.report.fields).toMatchObject({ location: 'Car 7, lot B' });
  });

  it('a click on a card that is out of date says who acted first and shows the report as it is', async () => {
    const { card } = await act(sgt, { reportId: report.reportId, action: 'forward', version: 1 });
    expect(cardText(card)).toMatch(/Sam Diaz acted first \(resubmit at .*\); the report is now pending/);
  });

  it('the same click twice is applied once', async () => {
    const first = await act(sgt, { reportId: report.reportId, action: 'forward', version: 3 });
    const again = await act(sgt, { reportId: report.reportId, action: 'forward', version: 3 });
    expect(cardText(first.card)).toContain('forwarded it');
    expect(cardText(again.card)).toContain('Already done');
    expect((await bot.backend.reports.get('olivette', report.reportId))?.report.version).toBe(4);
    const { card } = await bot.click(lt, VERBS.view, { reportId: report.reportId });
    expect(executeActions(card).filter((a) => a.verb === VERBS.act).map((a) => a.data.action)).toEqual(['forward', 'return']);
  });
});

describe(`${VERBS.view}`, () => {
  it('shows each person the card for their place on the route; outsiders learn nothing', async () => {
    const { reportId } = await fileRepair();
    const as = async (p: typeof lane): Promise<CardJson> => (await bot.click(p, VERBS.view, { reportId })).card;
    expect(executeActions(await as(diaz)).map((a) => a.title)).toEqual(['Withdraw', 'Refresh']);
    expect(executeActions(await as(sgt)).map((a) => a.data.action)).toEqual(['forward', 'return']);
    expect(executeActions(await as(person('olivette', 'chief'))).map((a) => a.title)).toEqual(['Refresh']);
    expect(cardText(await as(ward))).toMatch(/no report .* that you may see/i);
    expect(cardText((await bot.click(ward, VERBS.view, {})).card)).toContain('did not say which report');
  });
});

describe('anything else', () => {
  it('a verb that does not exist gets a clear message', async () => {
    const { card } = await bot.click(lane, 'report.delete-everything', { reportId: 'x' });
    expect(cardText(card)).toContain('does not know this button');
  });

  it('a card action with no data at all does not crash', async () => {
    const activity = { ...cardAction(lane, bot.connector.url, VERBS.act, {}), value: { action: { type: 'Action.Execute', verb: VERBS.act } } };
    const reply = await bot.post(activity);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body)).toContain('did not say which report');
  });
});
