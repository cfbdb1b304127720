import { describe, expect, it } from 'vitest';
import { planDelegation, reassignEvent } from '../../src/routing/delegation.js';
import { submitReport } from '../../src/routing/submit.js';
import { sampleDirectory } from '../support/samples.js';

const NOW = new Date('2025-06-02T09:00:00Z');
const dir = sampleDirectory('olivette', (c) => {
  c.delegations = [{ id: 'vac-1', member: 'sgt-b', delegate: 'sgt-a', start: '2025-06-10', end: '2025-06-20' }];
});
const ask = (member: string, delegate: string, start: string, end: string) => planDelegation(dir, { member, delegate, start, end }, NOW);

describe('a supervisor names an acting supervisor', () => {
  it('for a period: stored as the department’s own delegation model', () => {
    expect(ask('sgt-a', 'sgt-b', '2025-06-02', '2025-06-06')).toEqual({
      ok: true, existing: false, delegation: { id: 'sgt-a-2025-06-02-sgt-b', member: 'sgt-a', delegate: 'sgt-b', start: '2025-06-02', end: '2025-06-06' },
    });
  });

  it('asking again for the same one is not a second delegation', () => {
    expect(ask('sgt-b', 'sgt-a', '2025-06-10', '2025-06-20')).toMatchObject({ ok: true, existing: true, delegation: { id: 'vac-1' } });
  });

  it.each([
    ['ofc-lane', 'sgt-b', '2025-06-02', '2025-06-06', 'not_a_supervisor'],
    ['sgt-a', 'sgt-a', '2025-06-02', '2025-06-06', 'invalid_delegation'],
    ['sgt-a', 'nobody', '2025-06-02', '2025-06-06', 'unknown_member'],
    ['sgt-a', 'sgt-b', '2025-06-06', '2025-06-02', 'invalid_delegation'],
    ['sgt-a', 'sgt-b', '2025-02-30', '2025-06-02', 'invalid_delegation'],
    ['sgt-a', 'sgt-b', '2025-05-01', '2025-05-31', 'invalid_delegation'],
    ['sgt-b', 'lt-patrol', '2025-06-15', '2025-06-30', 'overlap'],
  ])('%s → %s from %s to %s is refused: %s', (member, delegate, start, end, code) => {
    expect(ask(member, delegate, start, end)).toMatchObject({ ok: false, code });
  });

  it('a level handed over is an audit event that says whom the delegate acts for', () => {
    const t = submitReport(dir, { reportId: 'r1', commandId: 'c1', type: 'repair', reporter: 'ofc-lane', fields: { equipment: 'x', problem: 'y' } }, NOW);
    if (!t.ok) throw new Error(t.reason);
    const delegation = { id: 'd1', member: 'sgt-a', delegate: 'sgt-b', start: '2025-06-02', end: '2025-06-06' };
    expect(reassignEvent(t.report, delegation, NOW)).toMatchObject({
      id: 'r1:1:reassign:d1', actor: 'system', action: 'reassign', actingFor: 'sgt-a', delegate: 'sgt-b', from: 'pending', to: 'pending', version: 1,
    });
  });
});
