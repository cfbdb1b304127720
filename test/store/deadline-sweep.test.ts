import { afterEach, describe, expect, it } from 'vitest';
import type { Fired } from '../../src/app/sweep-deadlines.js';
import type { Report } from '../../src/routing/types.js';
import { openTestBackend, type TestBackend } from '../support/cosmos.js';
import { CrashAfterWrites } from '../support/crash.js';
import { aadOf, sampleConfig } from '../support/samples.js';

const OLIVETTE = sampleConfig('olivette');
const FILED_AT = '2025-06-02T09:00:00.000Z';
const at = (hours: number, minutes = 0) => new Date(Date.parse(FILED_AT) + hours * 3600_000 + minutes * 60_000).toISOString();

/** Each test on a database of its own: a sweep fires everything due in the department. */
let b: TestBackend;
afterEach(() => b?.close());

async function fileViolation(): Promise<Report> {
  b = await openTestBackend();
  b.clock.set(FILED_AT);
  const r = await b.desk.file({ departmentId: 'olivette', reporterAad: aadOf(OLIVETTE, 'ofc-lane'), type: 'violation', fields: { description: 'A post naming a witness' } });
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

const sweepAt = async (iso: string, instance = 'bot-1') => {
  b.clock.set(iso);
  return b.sweeper(instance).sweep('olivette');
};
const brief = (fired: Fired[]) => fired.map((f) => `${f.type} ${f.outcome}${f.to ? ` → ${f.to}` : ''}`);
const cards = async (reportId: string) =>
  (await b.outbox.forReport('olivette', reportId)).flatMap((e) => (e.purpose === 'card' ? [`v${e.version} ${e.member} ${e.reason}`] : [])).sort();
const trail = async (reportId: string) => (await b.reports.trail('olivette', reportId)).map((e) => `${e.version} ${e.action} ${e.actor}`);

describe('a sergeant who does not act on a violation report (24 h SLA), with a controlled clock', () => {
  it('is reminded at 50% and 75% of the SLA; at the deadline it escalates to the lieutenant and the Chief is told', async () => {
    const report = await fileViolation();
    expect(brief(await sweepAt(at(11, 59)))).toEqual([]);
    expect(brief(await sweepAt(at(12)))).toEqual(['reminder50 reminded → sgt-a']);
    expect(brief(await sweepAt(at(17)))).toEqual([]);
    expect(brief(await sweepAt(at(18)))).toEqual(['reminder75 reminded → sgt-a']);
    expect(brief(await sweepAt(at(24)))).toEqual(['escalate escalated → lt-patrol']);
    expect(brief(await sweepAt(at(24, 1)))).toEqual([]);

    const stored = await b.reports.get('olivette', report.id);
    expect(stored?.report).toMatchObject({ state: 'pending', step: 1, version: 2, lastTransition: { action: 'escalate', by: 'system' } });
    expect(await cards(report.id)).toEqual([
      'v1 sgt-a assigned', 'v1 sgt-a reminder50', 'v1 sgt-a reminder75', 'v2 chief escalated', 'v2 lt-patrol assigned', 'v2 ofc-lane status',
    ]);
    const escalation = (await b.reports.trail('olivette', report.id)).at(-1);
    expect(escalation).toMatchObject({ actor: 'system', action: 'escalate', note: 'escalated by the system: SLA of 24 h missed by sgt-a' });
    expect((await b.outbox.forReport('olivette', report.id)).map((e) => e.purpose)).toContain('refresh');
  });

  it('a reminder the sweep reaches only after the deadline is superseded by the escalation, not sent late', async () => {
    const report = await fileViolation();
    expect(brief(await sweepAt(at(30)))).toEqual(['reminder50 superseded', 'reminder75 superseded', 'escalate escalated → lt-patrol']);
    expect(await cards(report.id)).not.toContain('v1 sgt-a reminder50');
  });

  it('a level that acts in time hears no more: its deadlines go stale', async () => {
    const report = await fileViolation();
    const forwarded = await b.desk.act({
      departmentId: 'olivette', reportId: report.id, actor: { aadObjectId: aadOf(OLIVETTE, 'sgt-a') }, action: 'forward', expectedVersion: 1, commandId: 'fwd',
    });
    expect(forwarded.ok).toBe(true);
    expect(brief(await sweepAt(at(13)))).toEqual(['reminder50 stale', 'reminder50 reminded → lt-patrol']);
  });

  it('reminders go to the acting supervisor while the sergeant is delegated', async () => {
    const report = await fileViolation();
    const imported = await b.directory.import({ id: 'olivette', delegations: [{ id: 'away', member: 'sgt-a', delegate: 'sgt-b', start: '2025-06-02', end: '2025-06-30' }] });
    expect(imported.ok).toBe(true);
    expect(brief(await sweepAt(at(12)))).toEqual(['reminder50 reminded → sgt-b']);
    expect(await cards(report.id)).toContain('v1 sgt-b reminder50');
  });
});

describe('exactly once, whatever happens to the sweepers', () => {
  it('two sweepers running at once fire each deadline once', async () => {
    const first = await fileViolation();
    const more = [];
    for (let i = 0; i < 3; i++) {
      const r = await b.desk.file({ departmentId: 'olivette', reporterAad: aadOf(OLIVETTE, 'ofc-park'), type: 'repair', fields: { equipment: `MDT ${i}`, problem: 'dead' } });
      if (!r.ok) throw new Error(r.reason);
      more.push(r.report);
    }
    b.clock.set(at(25));
    const [one, two] = await Promise.all([b.sweeper('bot-1').sweep('olivette'), b.sweeper('bot-2').sweep('olivette')]);
    const fired = [...one, ...two];
    expect(fired.filter((f) => f.outcome === 'escalated').map((f) => f.report).sort()).toEqual([first, ...more].map((r) => r.id).sort());
    expect(fired).toHaveLength(4 * 3);
    expect(new Set(fired.map((f) => f.deadline)).size).toBe(fired.length);
    for (const r of [first, ...more]) {
      expect((await trail(r.id)).filter((e) => e.includes('escalate'))).toEqual(['2 escalate system']);
      expect((await cards(r.id)).filter((c) => c.includes('chief escalated'))).toEqual(['v2 chief escalated']);
    }
  });

  it('a sweeper killed between its claim and the escalation: after the lease expires the next sweep escalates, once', async () => {
    const report = await fileViolation();
    await sweepAt(at(12));
    await sweepAt(at(18));
    b.clock.set(at(24, 1));
    const dying = new CrashAfterWrites(b.stores.reports, 1); // the claim, then nothing
    expect(brief(await b.sweeper('bot-dies', () => dying).sweep('olivette'))).toEqual(['escalate failed']);
    await dying.idle();
    expect((await b.reports.get('olivette', report.id))?.report.version).toBe(1);

    expect(brief(await sweepAt(at(24, 2), 'bot-2'))).toEqual([]); // the dead sweeper's lease still holds
    expect(brief(await sweepAt(at(24, 4), 'bot-2'))).toEqual(['escalate escalated → lt-patrol']);
    expect(brief(await sweepAt(at(24, 10), 'bot-3'))).toEqual([]);
    expect(await trail(report.id)).toEqual(['1 submit ofc-lane', '2 escalate system']);
    const deadline = (await b.deadlines.forReport('olivette', report.id)).find((d) => d.type === 'escalate' && d.version === 1);
    expect(deadline).toMatchObject({ state: 'done', outcome: 'escalated', claimedBy: 'bot-2', attempts: 2 });
  });

  it('a sweeper killed after the escalation was written but before it marked the deadline done: finished once, nothing doubled', async () => {
    const report = await fileViolation();
    await sweepAt(at(18)); // both reminders
    b.clock.set(at(24));
    // The claim, then the escalation's own writes (replace, 8 items, clear pending): the crash hits marking it done.
    const dying = new CrashAfterWrites(b.stores.reports, 11);
    expect(await b.sweeper('bot-dies', () => dying).sweep('olivette')).toEqual([expect.objectContaining({ type: 'escalate', outcome: 'failed' })]);
    await dying.idle();
    expect((await b.reports.get('olivette', report.id))?.report).toMatchObject({ version: 2, step: 1 });
    const before = await cards(report.id);

    expect(brief(await sweepAt(at(24, 3), 'bot-2'))).toEqual(['escalate escalated → lt-patrol']);
    expect(await trail(report.id)).toEqual(['1 submit ofc-lane', '2 escalate system']);
    expect(await cards(report.id)).toEqual(before);
    expect((await b.reports.get('olivette', report.id))?.report.version).toBe(2);
  });
});
