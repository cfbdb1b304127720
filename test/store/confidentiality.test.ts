import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/routing/types.js';
import { openTestBackend, type TestBackend } from '../support/cosmos.js';
import { aadOf, sampleConfig } from '../support/samples.js';

const aad = (member: string) => aadOf(sampleConfig('olivette'), member);

let b: TestBackend;
let report: Report;
beforeAll(async () => {
  b = await openTestBackend();
  const filed = await b.desk.file({ departmentId: 'olivette', reporterAad: aad('ofc-lane'), type: 'violation', subject: 'ofc-diaz', fields: { description: 'Posted a photo of an arrestee' } });
  if (!filed.ok) throw new Error(filed.reason);
  report = filed.report;
});
afterAll(() => b.close());

describe('a violation report is confidential to its route', () => {
  it('its subject cannot read it, and is told only that there is no such report', async () => {
    expect(await b.desk.show('olivette', report.id, aad('ofc-diaz'))).toEqual({ ok: false, code: 'not_found', reason: `There is no report ${report.id} that you may see.` });
  });

  it('its subject cannot act on it either', async () => {
    const r = await b.desk.act({ departmentId: 'olivette', reportId: report.id, actor: { aadObjectId: aad('ofc-diaz') }, action: 'withdraw', expectedVersion: 1, commandId: 'peek' });
    expect(r).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('an officer who is neither reporter nor on the route cannot read it', async () => {
    expect(await b.desk.show('olivette', report.id, aad('ofc-park'))).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('the reporter, each level of the route and the chief can read it with its audit trail', async () => {
    for (const m of ['ofc-lane', 'sgt-a', 'lt-patrol', 'deputy-chief', 'chief']) {
      expect(await b.desk.show('olivette', report.id, aad(m)), m).toMatchObject({ ok: true, trail: [{ action: 'submit' }] });
    }
  });

  it('a member of another department is not on this roster at all', async () => {
    const other = aadOf(sampleConfig('long-beach'), 'chief');
    expect(await b.desk.show('olivette', report.id, other)).toMatchObject({ ok: false, code: 'unknown_member' });
  });

  it('the subject is never sent a notice about it', async () => {
    const notices = await b.reports.notices('olivette', report.id);
    expect(notices.map((n) => n.member)).toEqual(['sgt-a']);
  });

  it('a password typed into a report is refused before anything is stored', async () => {
    const r = await b.desk.file({ departmentId: 'olivette', reporterAad: aad('ofc-lane'), type: 'security', fields: { kind: 'other', description: 'my password is hunter2' }, reportId: 'pw' });
    expect(r).toMatchObject({ ok: false, code: 'password_in_field' });
    expect(await b.reports.get('olivette', 'pw')).toBeUndefined();
  });
});
