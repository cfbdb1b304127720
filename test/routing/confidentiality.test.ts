import { describe, expect, it } from 'vitest';
import { canRead } from '../../src/routing/authority.js';
import { submitReport } from '../../src/routing/submit.js';
import { sampleDirectory } from '../support/samples.js';

const AT = new Date('2025-06-02T09:00:00Z');
const dir = sampleDirectory('olivette', (c) => c.delegations.push({ id: 'v', member: 'lt-patrol', delegate: 'sgt-b', start: '2025-06-01', end: '2025-06-30' }));

function violation(subject: string) {
  const t = submitReport(dir, { reportId: 'r1', commandId: 'c1', type: 'violation', reporter: 'ofc-lane', subject, fields: { description: 'A posting' } }, AT);
  if (!t.ok) throw new Error(t.reason);
  return t.report;
}

describe('who may read a report', () => {
  const report = violation('ofc-diaz');
  const reads = (member: string) => canRead(dir, report, member, AT);

  it('its reporter, everyone on its route and the chief', () => {
    for (const m of ['ofc-lane', 'sgt-a', 'lt-patrol', 'deputy-chief', 'chief']) expect(reads(m), m).toBe(true);
  });

  it("the acting supervisor of someone on the route", () => {
    expect(reads('sgt-b')).toBe(true);
  });

  it('never its subject', () => {
    expect(reads('ofc-diaz')).toBe(false);
  });

  it('nobody else', () => {
    for (const m of ['ofc-park', 'ofc-ward', 'clerk-fox']) expect(reads(m), m).toBe(false);
  });

  it('not even the chief when the chief is the subject', () => {
    expect(canRead(dir, violation('chief'), 'chief', AT)).toBe(false);
  });

  it('the subject is never told about it', () => {
    const t = submitReport(dir, { reportId: 'r2', commandId: 'c2', type: 'security', reporter: 'ofc-lane', subject: 'chief', fields: { kind: 'breach', description: 'x' } }, AT);
    expect(t.ok && t.notices.map((n) => n.member)).toEqual(['sgt-a']);
  });
});
