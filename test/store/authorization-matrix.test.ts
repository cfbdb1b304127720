import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/routing/types.js';
import { openTestBackend, type TestBackend } from '../support/cosmos.js';
import { ACTIONS, COMMAND_EXTRAS, expectedAllowed, MATRIX_DEPARTMENT, memberFor, REPORTER, ROLES, STATES, SUBJECT } from '../support/matrix.js';

const DEPT = MATRIX_DEPARTMENT.id;
const aad = (member: string) => `aad-${member}`;
const actorOf = (member: string) => (member === 'system' ? ('system' as const) : { aadObjectId: aad(member) });

let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend({ seed: false });
  const imported = await b.directory.import(MATRIX_DEPARTMENT);
  if (!imported.ok) throw new Error(imported.issues.map((i) => i.message).join('\n'));
});
afterAll(() => b.close());

async function reach(state: string): Promise<Report> {
  const filed = await b.desk.file({ departmentId: DEPT, reporterAad: aad(REPORTER), type: 'all', subject: SUBJECT, fields: { text: 'x' }, reportId: `tpl-${state}` });
  if (!filed.ok) throw new Error(filed.reason);
  let report = filed.report;
  for (const [i, [actor, action]] of STATES[state]!.steps.entries()) {
    const r = await b.desk.act({ departmentId: DEPT, reportId: report.id, actor: actorOf(actor), action, expectedVersion: report.version, commandId: `tpl-${state}-${i}`, ...COMMAND_EXTRAS });
    if (!r.ok) throw new Error(`${state}: ${r.reason}`);
    report = r.report;
  }
  return report;
}

/** A fresh copy of the template for each cell, so an allowed action in one cell cannot affect another. */
async function tryCell(template: Report, state: string, role: (typeof ROLES)[number], action: (typeof ACTIONS)[number]): Promise<string> {
  const actor = memberFor(template, role)!;
  const id = `${state}.${role}.${action}`;
  const created = await b.stores.reports.create({ ...template, id, kind: 'report', pending: null });
  if (!created.ok) throw new Error(`cannot copy ${id}`);
  const r = await b.desk.act({ departmentId: DEPT, reportId: id, actor: actorOf(actor), action, expectedVersion: template.version, commandId: `${id}.cmd`, ...COMMAND_EXTRAS });
  return `${role} ${action}: ${r.ok ? 'allowed' : 'refused'}`;
}

describe('who may act, against the local Cosmos DB server: every role × action × state', () => {
  for (const state of Object.keys(STATES)) {
    it(`in state ${state}, only the allowed pass`, async () => {
      const template = await reach(state);
      const cells = ROLES.filter((role) => memberFor(template, role) !== undefined).flatMap((role) => ACTIONS.map((action) => [role, action] as const));
      const hours = STATES[state]!.overdueHours ?? 0;
      b.clock.advanceHours(hours);
      try {
        const outcomes = await Promise.all(cells.map(([role, action]) => tryCell(template, state, role, action)));
        const expected = cells.map(([role, action]) => `${role} ${action}: ${expectedAllowed(state, action, role) ? 'allowed' : 'refused'}`);
        expect(outcomes).toEqual(expected);
      } finally {
        b.clock.advanceHours(-hours);
      }
    });
  }
});
