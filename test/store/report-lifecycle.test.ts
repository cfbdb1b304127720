import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActInput } from '../../src/app/reports.js';
import type { Report } from '../../src/routing/types.js';
import { ReportStore } from '../../src/store/report-store.js';
import { countingQueries } from '../support/counting.js';
import { openTestBackend, type TestBackend } from '../support/cosmos.js';
import { CrashAfterWrites, InjectedCrash } from '../support/crash.js';
import { aadOf, sampleConfig } from '../support/samples.js';

const OLIVETTE = sampleConfig('olivette');
const aad = (member: string) => aadOf(OLIVETTE, member);
const REPAIR = { equipment: 'MDT in car 12', problem: 'Screen stays black' };

let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend();
});
afterAll(() => b.close());

async function fileRepair(reporter = 'ofc-lane'): Promise<Report> {
  const r = await b.desk.file({ departmentId: 'olivette', reporterAad: aad(reporter), type: 'repair', fields: REPAIR });
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

function cmd(report: Report, actor: string, action: ActInput['action'], commandId: string, extra: Partial<ActInput> = {}): ActInput {
  return { departmentId: 'olivette', reportId: report.id, actor: { aadObjectId: aad(actor) }, action, expectedVersion: report.version, commandId, ...extra };
}

async function trailOf(report: Report) {
  return (await b.reports.trail('olivette', report.id)).map((e) => `${e.version} ${e.action} ${e.actor}`);
}

describe('two supervisors acting on one report at once', () => {
  it('exactly one wins and the other is told who acted first', async () => {
    const report = await fileRepair();
    const [a, c] = await Promise.all([
      b.desk.act(cmd(report, 'sgt-a', 'forward', 'race-sgt')),
      b.desk.act(cmd(report, 'lt-patrol', 'return', 'race-lt', { comment: 'Which car?' })),
    ]);
    expect([a.ok, c.ok].filter(Boolean)).toHaveLength(1);
    const [won, lost] = a.ok ? [a, c] : [c, a];
    if (!won.ok || lost.ok) throw new Error('unreachable');
    expect(lost).toMatchObject({ code: 'conflict', actedFirst: { by: won.report.lastTransition.by, version: 2 } });
    expect(lost.reason).toMatch(a.ok ? /^Riley Chen acted first/ : /^Casey Brooks acted first/);
    expect(await trailOf(report)).toHaveLength(2);
  });

  it('of everyone on the route clicking at once, one wins', async () => {
    const report = await fileRepair();
    const actors = ['sgt-a', 'lt-patrol', 'deputy-chief', 'sgt-a', 'lt-patrol', 'deputy-chief'];
    const results = await Promise.all(actors.map((m, i) => b.desk.act(cmd(report, m, 'forward', `crowd-${i}`))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(5).fill('conflict'));
    const stored = await b.reports.get('olivette', report.id);
    expect(stored).toMatchObject({ report: { version: 2 }, pending: null });
  });

  it('a repeated click is recognised, not applied twice', async () => {
    const report = await fileRepair();
    const first = await b.desk.act(cmd(report, 'sgt-a', 'forward', 'click-1'));
    const again = await b.desk.act(cmd(report, 'sgt-a', 'forward', 'click-1'));
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(again).toMatchObject({ ok: true, replayed: true, report: { version: 2 } });
    expect(await trailOf(report)).toEqual(['1 submit ofc-lane', '2 forward sgt-a']);
  });
});

describe('a crash between writes', () => {
  // Replace the report; create its audit event, two notices (the lieutenant's, the reporter's status), the refresh of
  // earlier card copies and three deadlines; clear pending: nine writes. Die before each kind, and after all.
  const WRITES = 9;
  for (const survive of [0, 1, 2, 5, 8, WRITES]) {
    it(`after ${survive} write(s), retrying completes the transition once and loses no audit event`, async () => {
      const report = await fileRepair();
      const crashy = new CrashAfterWrites(b.stores.reports, survive);
      const attempt = b.deskWith(() => crashy).act(cmd(report, 'sgt-a', 'forward', `crash-${survive}`, { comment: 'to the LT' }));
      if (survive < WRITES) await expect(attempt).rejects.toBeInstanceOf(InjectedCrash);
      else await expect(attempt).resolves.toMatchObject({ ok: true });
      await crashy.idle();

      const retry = await b.desk.act(cmd(report, 'sgt-a', 'forward', `crash-${survive}`, { comment: 'to the LT' }));
      expect(retry).toMatchObject({ ok: true, replayed: survive > 0, report: { version: 2, step: 1 } });
      expect(await trailOf(report)).toEqual(['1 submit ofc-lane', '2 forward sgt-a']);
      expect((await b.reports.notices('olivette', report.id)).map((n) => `${n.version} ${n.member}`)).toEqual(['1 sgt-a', '2 lt-patrol', '2 ofc-lane']);
      expect((await b.deadlines.forReport('olivette', report.id)).map((d) => `${d.type === 'delegation' ? '' : d.version} ${d.type}`).sort()).toEqual([
        '1 escalate', '1 reminder50', '1 reminder75', '2 escalate', '2 reminder50', '2 reminder75',
      ]);
      expect((await b.reports.get('olivette', report.id))?.pending).toBeNull();
    });
  }

  it('the audit trail shows a transition whose event was not yet written out', async () => {
    const report = await fileRepair();
    const crashy = new CrashAfterWrites(b.stores.reports, 1);
    await expect(b.deskWith(() => crashy).act(cmd(report, 'sgt-a', 'forward', 'half'))).rejects.toBeInstanceOf(InjectedCrash);
    await crashy.idle();
    const shown = await b.desk.show('olivette', report.id);
    expect(shown.ok && shown.trail.map((e) => e.action)).toEqual(['submit', 'forward']);
  });

  it('filing again with the same report id after a crash files it once', async () => {
    const crashy = new CrashAfterWrites(b.stores.reports, 1);
    const input = { departmentId: 'olivette', reporterAad: aad('ofc-lane'), type: 'repair', fields: REPAIR, reportId: 'crash-file' };
    await expect(b.deskWith(() => crashy).file(input)).rejects.toBeInstanceOf(InjectedCrash);
    await crashy.idle();
    expect(await b.desk.file(input)).toMatchObject({ ok: true, replayed: true });
    expect((await b.reports.trail('olivette', 'crash-file')).map((e) => e.action)).toEqual(['submit']);
  });
});

describe('a report’s audit trail', () => {
  it('is read by id, with no query, and holds events written outside transitions too', async () => {
    const report = await fileRepair();
    const forwarded = await b.desk.act(cmd(report, 'sgt-a', 'forward', 'trail-fwd'));
    if (!forwarded.ok) throw new Error(forwarded.reason);
    const extra = { ...(await b.reports.trail('olivette', report.id))[1]!, id: `${report.id}:2:reassign:test`, action: 'reassign' as const, actor: 'system' as const };
    expect(await b.reports.appendEvent(extra)).toBe(true);
    expect(await b.reports.appendEvent(extra)).toBe(false);
    const counting = countingQueries(b.stores.reports);
    const trail = await new ReportStore(counting.store).trail('olivette', report.id);
    expect(trail.map((e) => `${e.version} ${e.action} ${e.actor}`)).toEqual(['1 submit ofc-lane', '2 forward sgt-a', '2 reassign system']);
    expect(counting.queries()).toBe(0);
  });
});
