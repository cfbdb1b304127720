import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/routing/act.js';
import type { Directory } from '../../src/routing/directory.js';
import { submitReport } from '../../src/routing/submit.js';
import type { Report } from '../../src/routing/types.js';
import { sampleDirectory } from '../support/samples.js';

const AT = new Date('2025-06-02T09:00:00Z');
const HOUR = 3600 * 1000;
const FIELDS: Record<string, Record<string, string>> = {
  repair: { equipment: 'MDT in car 12', problem: 'Screen stays black' },
  violation: { description: 'Photo of a suspect posted on a public page' },
};

let seq = 0;
function file(dir: Directory, type: string, reporter = 'ofc-lane', subject?: string): Report {
  const t = submitReport(dir, { reportId: `e${++seq}`, commandId: `c${seq}`, type, reporter, subject, fields: FIELDS[type]! }, AT);
  if (!t.ok) throw new Error(t.reason);
  return t.report;
}

/** The sweep, once the report's level is past due. */
function sweepEscalates(dir: Directory, report: Report) {
  const at = new Date(Date.parse(report.dueAt!) + 1);
  return applyAction(dir, report, { action: 'escalate', actor: 'system', commandId: `deadline:${report.id}:${report.version}` }, at);
}

function escalated(dir: Directory, report: Report): Report {
  const t = sweepEscalates(dir, report);
  if (!t.ok) throw new Error(`${t.code}: ${t.reason}`);
  return t.report;
}

const holder = (r: Report) => r.route.steps[r.step]!.member;

describe('where a missed SLA sends a report', () => {
  const dir = sampleDirectory('olivette');

  it('to the next level of its route, noting who missed which SLA', () => {
    const t = sweepEscalates(dir, file(dir, 'violation'));
    if (!t.ok) throw new Error(t.reason);
    expect(holder(t.report)).toBe('lt-patrol');
    expect(t.events[0]).toMatchObject({ actor: 'system', action: 'escalate', note: 'escalated by the system: SLA of 24 h missed by sgt-a' });
    expect(t.notices.map((n) => [n.member, n.reason])).toEqual([['chief', 'escalated'], ['lt-patrol', 'assigned'], ['ofc-lane', 'status']]);
  });

  it('at the top of its route, to the Chief: a repair the Deputy Chief lets lapse', () => {
    let r = file(dir, 'repair');
    r = escalated(dir, escalated(dir, r));
    expect([holder(r), r.state]).toEqual(['deputy-chief', 'at_destination']);
    r = escalated(dir, r);
    expect(r.route.steps.map((s) => s.member)).toEqual(['sgt-a', 'lt-patrol', 'deputy-chief', 'chief']);
    expect([holder(r), r.state, r.step]).toEqual(['chief', 'at_destination', 3]);
  });

  it('nowhere once the Chief holds it: the sweep reports it overdue instead', () => {
    let r = file(dir, 'violation');
    for (let i = 0; i < 3; i++) r = escalated(dir, r);
    expect(holder(r)).toBe('chief');
    expect(sweepEscalates(dir, r)).toMatchObject({ ok: false, code: 'nowhere_to_escalate' });
  });

  it('never to a Chief who is the report’s subject', () => {
    let r = file(dir, 'repair', 'ofc-lane', 'chief');
    r = escalated(dir, escalated(dir, r));
    expect(holder(r)).toBe('deputy-chief');
    expect(sweepEscalates(dir, r)).toMatchObject({ ok: false, code: 'nowhere_to_escalate' });
  });

  it('where the route says: straight to the Deputy Chief, past the lieutenant', () => {
    const named = sampleDirectory('olivette', (c) => {
      c.routes.find((x) => x.type === 'violation')!.escalateTo = { role: 'deputy_chief' };
    });
    const r = file(named, 'violation');
    expect(r.route.escalateTo).toBe('deputy-chief');
    expect(holder(escalated(named, r))).toBe('deputy-chief');
  });

  it('not before the due time', () => {
    const r = file(dir, 'violation');
    const early = applyAction(dir, r, { action: 'escalate', actor: 'system', commandId: 'early' }, new Date(AT.getTime() + 23 * HOUR));
    expect(early).toMatchObject({ ok: false, code: 'not_overdue' });
  });

  it('the new level gets fresh deadlines; the old level’s are for its own version only', () => {
    const t = sweepEscalates(dir, file(dir, 'violation'));
    if (!t.ok) throw new Error(t.reason);
    expect(t.deadlines.map((d) => [d.type, d.version, d.member])).toEqual([
      ['reminder50', 2, 'lt-patrol'], ['reminder75', 2, 'lt-patrol'], ['escalate', 2, 'lt-patrol'],
    ]);
  });
});
