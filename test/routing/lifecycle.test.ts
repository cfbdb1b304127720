import { describe, expect, it } from 'vitest';
import { applyAction, type ActionCommand } from '../../src/routing/act.js';
import { submitReport } from '../../src/routing/submit.js';
import type { Report } from '../../src/routing/types.js';
import { sampleDirectory } from '../support/samples.js';

const AT = new Date('2025-06-02T09:00:00Z');
const HOUR = 3600 * 1000;
const dir = sampleDirectory('olivette');
const FIELDS: Record<string, Record<string, string>> = {
  repair: { equipment: 'MDT in car 12', problem: 'Screen stays black' },
  violation: { description: 'Photo of a suspect posted on a public page' },
  approval: { request: 'install_software', details: 'Body-cam viewer' },
  security: { kind: 'password_disclosed', description: 'Told my password to a caller posing as IT' },
};

let seq = 0;
function file(type = 'repair', reporter = 'ofc-lane', subject?: string, fields = FIELDS[type]!) {
  const t = submitReport(dir, { reportId: `r${++seq}`, commandId: `c${seq}`, type, reporter, subject, fields }, AT);
  if (!t.ok) throw new Error(t.reason);
  return t;
}
function act(report: Report, actor: string, action: ActionCommand['action'], extra: Partial<ActionCommand> = {}, at = AT) {
  return applyAction(dir, report, { action, actor, commandId: `c${++seq}`, ...extra }, at);
}
function ok(r: ReturnType<typeof act>) {
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r;
}
const walk = (report: Report, ...steps: [string, ActionCommand['action'], Partial<ActionCommand>?][]) =>
  steps.reduce((r, [who, action, extra]) => ok(act(r, who, action, extra)).report, report);

describe('filing a report', () => {
  it('lands with the first level, due after its SLA, with one audit event and a notice to the assignee', () => {
    const t = file('repair');
    expect(t.report).toMatchObject({ state: 'pending', step: 0, version: 1, acted: false, dueAt: new Date(AT.getTime() + 24 * HOUR).toISOString() });
    expect(t.events).toEqual([
      expect.objectContaining({ id: `${t.report.id}:1:0`, actor: 'ofc-lane', action: 'submit', from: null, to: 'pending', toStep: 0 }),
    ]);
    expect(t.notices.map((n) => [n.member, n.reason])).toEqual([['sgt-a', 'assigned']]);
  });

  it('a security incident is at its destination at once and the chief is told', () => {
    const t = file('security');
    expect(t.report.state).toBe('at_destination');
    expect(t.notices.map((n) => [n.member, n.reason])).toEqual([['sgt-a', 'assigned'], ['chief', 'notified_at_once']]);
  });

  it('a field that looks like a password is refused with a clear message', () => {
    const t = submitReport(dir, { reportId: 'x', commandId: 'x', type: 'security', reporter: 'ofc-lane', fields: { kind: 'other', description: 'password: hunter2' } }, AT);
    expect(t).toMatchObject({ ok: false, code: 'password_in_field', reason: expect.stringMatching(/"Details \(never the password itself\)" field looks like it contains a password/) });
  });

  it('missing required fields, unknown fields and bad choices are refused', () => {
    const base = { reportId: 'x', commandId: 'x', reporter: 'ofc-lane' };
    expect(submitReport(dir, { ...base, type: 'repair', fields: { equipment: 'MDT' } }, AT)).toMatchObject({ ok: false, code: 'invalid_fields', reason: '"Problem" is required.' });
    expect(submitReport(dir, { ...base, type: 'repair', fields: { ...FIELDS.repair, colour: 'red' } }, AT)).toMatchObject({ ok: false, code: 'invalid_fields' });
    expect(submitReport(dir, { ...base, type: 'approval', fields: { request: 'buy_a_boat', details: 'x' } }, AT)).toMatchObject({ ok: false, code: 'invalid_fields' });
  });

  it('a reporter cannot name themselves as the employee involved', () => {
    expect(submitReport(dir, { reportId: 'x', commandId: 'x', type: 'violation', reporter: 'ofc-lane', subject: 'ofc-lane', fields: FIELDS.violation! }, AT)).toMatchObject({ ok: false, code: 'subject_is_reporter' });
  });
});

describe('moving a report up the chain', () => {
  it('forwarding moves it to the next level; at the last level it is at its destination', () => {
    const r = walk(file('repair').report, ['sgt-a', 'forward'], ['lt-patrol', 'forward']);
    expect(r).toMatchObject({ state: 'at_destination', step: 2, version: 3, acted: true });
  });

  it('each transition records who, what, when, from, to and the comment', () => {
    const t = ok(act(file('repair').report, 'sgt-a', 'forward', { comment: 'Please look at this' }));
    expect(t.events).toEqual([
      expect.objectContaining({ actor: 'sgt-a', action: 'forward', at: AT.toISOString(), from: 'pending', to: 'pending', fromStep: 0, toStep: 1, comment: 'Please look at this', version: 2 }),
    ]);
    expect(t.notices.map((n) => [n.member, n.reason])).toEqual([['lt-patrol', 'assigned'], ['ofc-lane', 'status']]);
  });

  it('a level may return it for information; the reporter resubmits to the same level with more detail', () => {
    const returned = ok(act(file('repair').report, 'sgt-a', 'return', { comment: 'Which car?' }));
    expect(returned.report.state).toBe('returned');
    expect(returned.notices.map((n) => n.member)).toEqual(['ofc-lane']);
    const back = ok(act(returned.report, 'ofc-lane', 'resubmit', { fields: { location: 'Car 12, lot B' } }));
    expect(back.report).toMatchObject({ state: 'pending', step: 0, fields: { location: 'Car 12, lot B', equipment: 'MDT in car 12' } });
  });

  it('returning needs a comment saying what is missing', () => {
    expect(act(file('repair').report, 'sgt-a', 'return')).toMatchObject({ ok: false, code: 'comment_required' });
  });

  it('the reporter may withdraw before anyone acts, not after', () => {
    const fresh = file('repair').report;
    expect(ok(act(fresh, 'ofc-lane', 'withdraw')).report.state).toBe('withdrawn');
    const returned = walk(fresh, ['sgt-a', 'return', { comment: 'Which car?' }]);
    const resubmitted = walk(returned, ['ofc-lane', 'resubmit']);
    expect(act(resubmitted, 'ofc-lane', 'withdraw')).toMatchObject({ ok: false, code: 'invalid_state' });
  });

  it('a delegate acts for the member and the audit event says so', () => {
    const delegated = sampleDirectory('olivette', (c) => c.delegations.push({ id: 'v', member: 'sgt-a', delegate: 'sgt-b', start: '2025-06-01', end: '2025-06-30' }));
    const t = applyAction(delegated, file('repair').report, { action: 'forward', actor: 'sgt-b', commandId: 'd' }, AT);
    expect(t).toMatchObject({ ok: true, events: [expect.objectContaining({ actor: 'sgt-b', actingFor: 'sgt-a' })] });
    expect(t.ok && t.report.lastTransition).toMatchObject({ by: 'sgt-b', actingFor: 'sgt-a' });
  });

  it('a password in a comment is refused', () => {
    expect(act(file('repair').report, 'sgt-a', 'forward', { comment: 'his pw=abc123' })).toMatchObject({ ok: false, code: 'password_in_field' });
  });
});

describe('deciding at the destination', () => {
  it('the chief approves or denies an approval request; nobody below may', () => {
    const report = file('approval').report;
    expect(act(report, 'sgt-a', 'approve')).toMatchObject({ ok: false, code: 'invalid_state' });
    const atChief = walk(report, ['sgt-a', 'forward'], ['lt-patrol', 'forward'], ['deputy-chief', 'forward']);
    expect(ok(act(atChief, 'chief', 'approve')).report.state).toBe('approved');
    expect(ok(act(atChief, 'chief', 'deny')).report.state).toBe('denied');
    expect(act(atChief, 'deputy-chief', 'approve')).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('a violation cannot be approved', () => {
    const atChief = walk(file('violation').report, ['sgt-a', 'forward'], ['lt-patrol', 'forward'], ['deputy-chief', 'forward']);
    expect(act(atChief, 'chief', 'approve')).toMatchObject({ ok: false, code: 'outcome_not_allowed' });
  });

  it('the deputy chief hands a repair to the IT contractor with a reference, then resolves it', () => {
    const atDeputy = walk(file('repair').report, ['sgt-a', 'forward'], ['lt-patrol', 'forward']);
    expect(act(atDeputy, 'deputy-chief', 'hand_to_contractor')).toMatchObject({ ok: false, code: 'reference_required' });
    const handed = ok(act(atDeputy, 'deputy-chief', 'hand_to_contractor', { reference: 'REJIS-20931' }));
    expect(handed.report).toMatchObject({ state: 'with_contractor', contractorReference: 'REJIS-20931', dueAt: null });
    expect(handed.events[0]).toMatchObject({ action: 'hand_to_contractor', reference: 'REJIS-20931' });
    expect(ok(act(handed.report, 'deputy-chief', 'resolve')).report.state).toBe('resolved');
  });

  it('a closed report accepts nothing more', () => {
    const closed = walk(file('security').report, ['sgt-a', 'close']);
    expect(act(closed, 'sgt-a', 'resolve')).toMatchObject({ ok: false, code: 'invalid_state', reason: 'This report is already closed.' });
  });
});

describe('escalation', () => {
  it('the sweep skips a level that let its SLA pass and tells the chief', () => {
    const report = file('repair').report;
    expect(act(report, 'system', 'escalate', {}, new Date(AT.getTime() + 23 * HOUR))).toMatchObject({ ok: false, code: 'not_overdue' });
    const t = ok(act(report, 'system', 'escalate', {}, new Date(AT.getTime() + 25 * HOUR)));
    expect(t.report).toMatchObject({ state: 'pending', step: 1 });
    expect(t.notices.map((n) => [n.member, n.reason])).toEqual([['chief', 'escalated'], ['lt-patrol', 'assigned'], ['ofc-lane', 'status']]);
    expect(t.events[0]).toMatchObject({ actor: 'system', action: 'escalate', missed: { member: 'sgt-a', slaHours: 24 }, note: 'escalated by the system: SLA of 24 h missed by sgt-a' });
  });

  it('someone above may pull a report up; the level holding it forwards instead', () => {
    const report = file('repair').report;
    expect(act(report, 'sgt-a', 'escalate')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(ok(act(report, 'deputy-chief', 'escalate')).report.step).toBe(1);
  });

  it('escalation never tells the chief about a report naming the chief', () => {
    const report = file('violation', 'ofc-lane', 'chief').report;
    const t = ok(act(report, 'system', 'escalate', {}, new Date(AT.getTime() + 25 * HOUR)));
    expect(t.notices.map((n) => n.member)).not.toContain('chief');
  });
});
